import { PageTitle } from "../../../components/ui/page-title";

const TITLES: Record<number, string> = {
  401: "This hand-off link cannot be opened",
  410: "This hand-off link can no longer be used",
  429: "Too many requests",
};

/** An invalid, expired, revoked or used link: the server's own words (they say which), and what to do. */
export function HandoffProblem({ status, message }: { status: number; message: string }) {
  const title = TITLES[status] ?? "The hand-off page could not load";
  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      <PageTitle title="Hand-off link" />
      <h1>{title}</h1>
      <p role="alert">{message}</p>
    </main>
  );
}
