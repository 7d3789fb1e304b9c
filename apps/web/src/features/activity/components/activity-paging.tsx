import type { ActivityListResponse } from "@wc/contracts";
import { Link } from "react-router";
import { currentPage, pageHref, type ActivitySearch } from "../activity-search";

interface Props {
  list: ActivityListResponse;
  search: ActivitySearch;
  listPath: string;
}

/**
 * Next page follows the API's cursor (cheap deep into a long list). Going back uses page numbers,
 * which are known on numbered pages and carried along with each cursor; without one, only the
 * first page can be offered.
 */
export function ActivityPaging({ list, search, listPath }: Props) {
  const page = currentPage(list, search);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const onFirst = page === 1 || (page === null && search.cursor === null);
  if (onFirst && list.nextCursor === null) return null;
  return (
    <nav aria-label="Pages" className="paging">
      {page !== null ? (
        <span>
          Page {page} of {pages}
        </span>
      ) : null}
      {page !== null && page > 1 ? <Link to={pageHref(listPath, search, { page: page - 1 })}>Previous page</Link> : null}
      {page === null && !onFirst ? <Link to={pageHref(listPath, search, { page: null })}>First page</Link> : null}
      {list.nextCursor !== null ? (
        <Link to={pageHref(listPath, search, { page: page === null ? null : page + 1, cursor: list.nextCursor })}>Next page</Link>
      ) : null}
    </nav>
  );
}
