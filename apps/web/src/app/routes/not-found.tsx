import { Link } from "react-router";
import { paths } from "../../config/paths";
import { PageTitle } from "../../components/ui/page-title";

export function NotFound({ message }: { message?: string | undefined }) {
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"Not found"} />
      <h1>Page not found</h1>
      <p>{message ?? "There is nothing at this address. It may have been deleted, or the link is mistyped."}</p>
      <p>
        <Link to={paths.connectors.getHref()}>Go to App Connectors</Link>
      </p>
    </main>
  );
}
