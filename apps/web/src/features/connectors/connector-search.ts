import { CONNECTOR_SORTS, type ConnectorSort, type ListConnectorsResponse } from "@wc/contracts";
import { paths } from "../../config/paths";
import { ApiError } from "../../lib/api-client";
import { setParams, withQuery } from "../../lib/search-params";

/**
 * The App Connectors page's URL, named as the API names its query parameters (status, environment,
 * q, sort, order, cursor), so the page's URL and the API's agree, plus `page`, the page number
 * shown, which only the page keeps. Nothing is validated here: the API answers 400 in words,
 * which the page shows.
 */
export interface ConnectorSearch {
  status: string | null;
  environment: string | null;
  q: string | null;
  sort: ConnectorSort;
  order: "asc" | "desc";
  cursor: string | null;
  page: number;
}

type Param = "status" | "environment" | "q" | "sort" | "order" | "cursor" | "page";

/** Newest success first is the useful way round; names and statuses read from the top. */
export const firstOrderOf = (sort: ConnectorSort): "asc" | "desc" => (sort === "lastSuccess" ? "desc" : "asc");

export function readConnectorSearch(search: URLSearchParams): ConnectorSearch {
  const param = (name: Param) => search.get(name)?.trim() || null;
  const sort = CONNECTOR_SORTS.find((s) => s === param("sort")) ?? "name";
  const order = param("order");
  const page = Number(param("page"));
  return {
    status: param("status"),
    environment: param("environment"),
    q: param("q"),
    sort,
    order: order === "asc" || order === "desc" ? order : firstOrderOf(sort),
    cursor: param("cursor"),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The URL's entries; the sort and order only when they differ from the first view's. */
function entries(s: ConnectorSearch): [Param, string | null][] {
  const plainSort = s.sort === "name" && s.order === "asc";
  return [
    ["status", s.status],
    ["environment", s.environment],
    ["q", s.q],
    ["sort", plainSort ? null : s.sort],
    ["order", plainSort ? null : s.order],
    ["cursor", s.cursor],
    ["page", s.page > 1 ? String(s.page) : null],
  ];
}

/** The list request's query: everything but the page number. */
export function listQuery(s: ConnectorSearch): URLSearchParams {
  return setParams(entries(s).filter(([name]) => name !== "page"));
}

/** The page with these changes. A new filter or sort starts again at the first page. */
export function connectorsHref(s: ConnectorSearch, change: Partial<ConnectorSearch>): string {
  const paging = "cursor" in change || "page" in change;
  const next: ConnectorSearch = { ...s, ...(paging ? {} : { cursor: null, page: 1 }), ...change };
  return withQuery(paths.connectors.getHref(), setParams(entries(next)));
}

/** Sorting by a column: the other way round when it already is, else that column's first order. */
export function sortHref(s: ConnectorSearch, sort: ConnectorSort): string {
  const order = s.sort === sort ? (s.order === "asc" ? "desc" : "asc") : firstOrderOf(sort);
  return connectorsHref(s, { sort, order });
}

/** The statuses the URL filters by, as a set to compare with a filter link's. */
export function statusesOf(s: ConnectorSearch): ReadonlySet<string> {
  return new Set((s.status ?? "").split(",").filter((x) => x !== ""));
}

export type ConnectorsResult =
  | { kind: "list"; list: ListConnectorsResponse }
  | { kind: "invalid"; message: string; fields: Readonly<Record<string, string>>; requestId?: string | undefined };

/** A 400 is the URL's fault (a hand-edited filter, a stale cursor): the page says so instead of the error page. */
export async function loadConnectorsPage(page: Promise<ListConnectorsResponse>): Promise<ConnectorsResult> {
  try {
    return { kind: "list", list: await page };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return { kind: "invalid", message: error.message, fields: error.fields, requestId: error.requestId };
    throw error;
  }
}
