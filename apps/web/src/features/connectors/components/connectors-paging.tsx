import type { ListConnectorsResponse } from "@wc/contracts";
import { Link } from "react-router";
import { connectorsHref, type ConnectorSearch } from "../connector-search";

/** Paging links carry this, so the page moves focus to the list's summary (which says the page) once it has loaded. */
export const FOCUS_LIST = { focus: "list" } as const;

export const pageOf = (list: ListConnectorsResponse, search: ConnectorSearch) => (list.prevCursor === null ? 1 : Math.max(2, search.page));

/**
 * Previous and Next follow the API's cursors, which stay right while connectors come and go; the
 * page number is the page's own count of steps, kept in the URL beside the cursor. Page 1 is
 * linked without a cursor: the first page is always the start of the list.
 */
export function ConnectorsPaging({ list, search }: { list: ListConnectorsResponse; search: ConnectorSearch }) {
  const page = pageOf(list, search);
  if (list.prevCursor === null && list.nextCursor === null) return null;
  const previous = page <= 2 ? { cursor: null, page: 1 } : { cursor: list.prevCursor, page: page - 1 };
  return (
    <nav aria-label="Pages" className="paging">
      {list.prevCursor !== null ? (
        <Link to={connectorsHref(search, previous)} state={FOCUS_LIST}>
          Previous page
        </Link>
      ) : null}
      {list.nextCursor !== null ? (
        <Link to={connectorsHref(search, { cursor: list.nextCursor, page: page + 1 })} state={FOCUS_LIST}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
