import { Link } from "react-router";
import { paths } from "../../../config/paths";
import { nextQuery, pageNumber, previousQuery, type AlertSearch } from "../alert-search";

/** Next follows the API's cursor; Previous takes the last cursor the URL kept (alert-search.ts). */
export function AlertsPaging({ search, nextCursor }: { search: AlertSearch; nextCursor: string | null }) {
  const page = pageNumber(search);
  if (page === 1 && nextCursor === null) return null;
  return (
    <nav aria-label="Pages" className="paging">
      <span>Page {page}</span>
      {page > 1 ? <Link to={paths.alerts.getHref(previousQuery(search))}>Previous page</Link> : null}
      {nextCursor !== null ? <Link to={paths.alerts.getHref(nextQuery(search, nextCursor))}>Next page</Link> : null}
    </nav>
  );
}
