import type { AlertListResponse, AlertStatus } from "@wc/contracts";
import { ApiError } from "../../lib/api-client";
import { setParams } from "../../lib/search-params";

/** The filters, named as the API names its query parameters, so the page's URL and the API's agree. */
export const ALERT_FILTERS = ["policyId", "severity", "connectorId", "account", "status"] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];
export type AlertFilterValues = Partial<Record<AlertFilter, string>>;

/**
 * What the page's URL asks for. The API pages with a cursor only forwards, so the URL also keeps
 * the cursors of the pages before this one (`prev`, oldest first): Previous goes back one without
 * the browser's history, and a bookmarked page keeps its way back.
 */
export interface AlertSearch {
  values: AlertFilterValues;
  cursor: string | null;
  prev: string[];
}

export function readAlertSearch(search: URLSearchParams): AlertSearch {
  const values: AlertFilterValues = {};
  for (const name of ALERT_FILTERS) {
    const value = search.get(name)?.trim();
    if (value) values[name] = value;
  }
  return { values, cursor: search.get("cursor") || null, prev: search.getAll("prev").filter((c) => c !== "") };
}

const filterEntries = (values: AlertFilterValues) => ALERT_FILTERS.map((name) => [name, values[name]] as const);

/** The list request: the set filters and this page's cursor. */
export function alertsQuery(search: AlertSearch): URLSearchParams {
  return setParams([...filterEntries(search.values), ["cursor", search.cursor]]);
}

function pageQuery(values: AlertFilterValues, cursor: string | null, prev: readonly string[]): URLSearchParams {
  const query = setParams([...filterEntries(values), ["cursor", cursor]]);
  for (const c of prev) query.append("prev", c);
  return query;
}

export const nextQuery = (s: AlertSearch, nextCursor: string) => pageQuery(s.values, nextCursor, s.cursor === null ? s.prev : [...s.prev, s.cursor]);
export const previousQuery = (s: AlertSearch) => pageQuery(s.values, s.prev.at(-1) ?? null, s.prev.slice(0, -1));
/** Another status starts again at the first page. */
export function statusQuery(s: AlertSearch, status: AlertStatus | null): URLSearchParams {
  const { status: _current, ...others } = s.values;
  return pageQuery(status === null ? others : { ...others, status }, null, []);
}

export const pageNumber = (s: AlertSearch) => (s.cursor === null ? 1 : s.prev.length + 2);

export type AlertsResult = { kind: "alerts"; list: AlertListResponse } | { kind: "invalid"; message: string; requestId?: string | undefined };

/** A 400 is the URL's fault (a filter or cursor the API refuses): the page says so by the filters instead of the error page. */
export async function loadAlertsPage(page: Promise<AlertListResponse>): Promise<AlertsResult> {
  try {
    return { kind: "alerts", list: await page };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return { kind: "invalid", message: [error.message, ...Object.values(error.fields)].join(" "), requestId: error.requestId };
    }
    throw error;
  }
}
