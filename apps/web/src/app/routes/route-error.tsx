import { isRouteErrorResponse, Link, Navigate, useLocation, useRouteError } from "react-router";
import { ProblemMessage } from "../../components/ui/problem-message";
import { env } from "../../config/env";
import { paths } from "../../config/paths";
import { ApiError, SessionEndedError } from "../../lib/api-client";
import { NotFound } from "./not-found";
import { PageTitle } from "../../components/ui/page-title";

function describe(error: unknown): { message: string; requestId?: string | undefined } {
  if (error instanceof ApiError) return { message: error.message, requestId: error.requestId };
  const detail = env.DEV && error instanceof Error ? ` (${error.message})` : "";
  return { message: `This page failed to load. Reload it; if it keeps happening, contact support.${detail}` };
}

/** Every route's error boundary: the server's message and request id, or the 404 page. */
export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  // The session gate turns a loader's or action's 401 into a redirect; this catches one thrown anywhere else.
  if (error instanceof SessionEndedError) return <Navigate replace to={paths.signIn.getHref(`${location.pathname}${location.search}`)} />;
  if ((isRouteErrorResponse(error) || error instanceof ApiError) && error.status === 404) {
    return <NotFound message={error instanceof ApiError ? error.message : undefined} />;
  }
  const { message, requestId } = describe(error);
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"Something went wrong"} />
      <h1>Something went wrong</h1>
      <ProblemMessage message={message} requestId={requestId} />
      <p>
        <Link to={paths.connectors.getHref()}>Back to App Connectors</Link>
      </p>
    </main>
  );
}
