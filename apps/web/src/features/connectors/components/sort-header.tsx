import type { ConnectorSort } from "@wc/contracts";
import { Link } from "react-router";
import { sortHref, type ConnectorSearch } from "../connector-search";

/**
 * A column the list sorts by: its heading is a link that sorts by it (the other way round when it
 * already does). `aria-sort` says which column sorts and how; the arrow is drawn by styles.css.
 */
export function SortHeader({ label, sort, search }: { label: string; sort: ConnectorSort; search: ConnectorSearch }) {
  const active = search.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (search.order === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={sortHref(search, sort)} className={active ? `sort-link sorted-${search.order}` : "sort-link"}>
        {label}
      </Link>
    </th>
  );
}
