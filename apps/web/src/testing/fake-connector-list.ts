import { CONNECTOR_STATUSES } from "@wc/workday";
import {
  CONNECTOR_PAGE_DEFAULT,
  routes,
  STATUS_SORT_ORDER,
  type ConnectorNamesResponse,
  type ConnectorSummary,
  type ListConnectorsResponse,
  type StatusCounts,
} from "@wc/contracts";

/**
 * GET /api/connectors over a list in memory, as the BFF answers it: the filters, the sorts (ties
 * by name), the counts of the whole list and cursors. A cursor here is the index the page starts
 * at, which is enough for a list that does not change under the test.
 */
export function connectorListAnswer(all: readonly ConnectorSummary[], url: URL): ListConnectorsResponse {
  const p = url.searchParams;
  const statuses = p.get("status")?.split(",") ?? null;
  const environment = p.get("environment");
  const q = p.get("q")?.toLowerCase() ?? null;
  const sort = p.get("sort") ?? "name";
  const order = p.get("order") ?? "asc";
  const limit = Number(p.get("limit") ?? CONNECTOR_PAGE_DEFAULT);
  const key = (c: ConnectorSummary) =>
    sort === "status" ? String(STATUS_SORT_ORDER.indexOf(c.status)) : sort === "lastSuccess" ? (c.lastSuccessAt ?? "") : "";
  const matching = all
    .filter((c) => statuses === null || statuses.includes(c.status))
    .filter((c) => environment === null || c.environment === environment)
    .filter((c) => q === null || c.name.toLowerCase().includes(q) || (c.tenant ?? "").toLowerCase().includes(q))
    .sort((a, b) => key(a).localeCompare(key(b)) || a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
  if (order === "desc") matching.reverse();
  const cursor = p.get("cursor");
  const start = cursor === null ? 0 : Number(cursor);
  const counts = Object.fromEntries(CONNECTOR_STATUSES.map((s) => [s, all.filter((c) => c.status === s).length])) as StatusCounts;
  return {
    connectors: matching.slice(start, start + limit),
    nextCursor: start + limit < matching.length ? String(start + limit) : null,
    prevCursor: start > 0 ? String(Math.max(0, start - limit)) : null,
    total: matching.length,
    counts,
  };
}

/** GET /api/connector-names over the same list: every connector's id and name, by lower-cased name (code points, as the BFF's name_key), then id. */
export function connectorNamesAnswer(all: readonly ConnectorSummary[]): ConnectorNamesResponse {
  const key = (c: ConnectorSummary) => c.name.toLowerCase();
  const sorted = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
  return { connectors: sorted.map(({ id, name }) => ({ id, name })) };
}

/** Both reads of the connectors a page makes, the list (any query) and the names: one MSW path for both (the full URL is matched). */
export const CONNECTOR_READS = /\/api\/(?:connectors|connector-names)(?:\?|$)/;

/** The answer to either read of CONNECTOR_READS over one list in memory. */
export function connectorReadAnswer(all: readonly ConnectorSummary[], url: URL): ListConnectorsResponse | ConnectorNamesResponse {
  return url.pathname === routes.connectorNames ? connectorNamesAnswer(all) : connectorListAnswer(all, url);
}
