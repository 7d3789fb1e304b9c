import type { ActivityExportFormat, ActivityListResponse } from "@wc/contracts";
import { ApiError } from "../../lib/api-client";
import { setParams, withQuery } from "../../lib/search-params";
import { isoToUtcInput, utcInputToIso } from "../../lib/utc";

/** The filters, named as the API names its query parameters, so the page's URL and the API's agree. */
export const FILTER_NAMES = ["from", "to", "account", "task", "action", "ipAddress", "deviceType", "sessionId", "connectorId"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type FilterValues = Partial<Record<FilterName, string>>;

/** One connector's activity, or activity across connectors (which adds the Connector filter). */
export type ActivityScope = "connector" | "all";

const isTime = (name: FilterName) => name === "from" || name === "to";

/** What the page's URL asks for. Nothing is validated here: the API answers 400 in words, which the page shows by the filter. */
export interface ActivitySearch {
  scope: ActivityScope;
  /** Set filters as the URL and the form hold them (times as datetime-local values, read as UTC). */
  values: FilterValues;
  /** The page number the URL names (`page`), when it names one. */
  page: string | null;
  /** The previous answer's `nextCursor`; with it, `page` only says which page number this is. */
  cursor: string | null;
}

const namesFor = (scope: ActivityScope) => FILTER_NAMES.filter((name) => scope === "all" || name !== "connectorId");

export function readActivitySearch(search: URLSearchParams, scope: ActivityScope): ActivitySearch {
  const values: FilterValues = {};
  for (const name of namesFor(scope)) {
    const value = search.get(name)?.trim();
    if (value) values[name] = isTime(name) ? isoToUtcInput(value) : value;
  }
  const param = (name: string) => search.get(name)?.trim() || null;
  return { scope, values, page: param("page"), cursor: param("cursor") };
}

const filterEntries = (values: FilterValues, toApi: boolean) =>
  namesFor("all").map((name) => {
    const value = values[name];
    return [name, value !== undefined && toApi && isTime(name) ? utcInputToIso(value) : value] as const;
  });

/** The list request's query: the set filters, and either the cursor or the page (the API takes one, never both). */
export function listQuery(search: ActivitySearch): URLSearchParams {
  const paging = search.cursor !== null ? (["cursor", search.cursor] as const) : (["page", search.page] as const);
  return setParams([...filterEntries(search.values, true), paging]);
}

/** The export route with the same filters; the browser downloads it by following the link. */
export function exportHref(exportPath: string, search: ActivitySearch, format: ActivityExportFormat): string {
  return withQuery(exportPath, setParams([["format", format], ...filterEntries(search.values, true)]));
}

/** This page of the list with the same filters: a page number, and the cursor that reaches it when there is one. */
export function pageHref(listPath: string, search: ActivitySearch, target: { page: number | null; cursor?: string }): string {
  const page = target.page !== null && target.page > 1 ? String(target.page) : null;
  return withQuery(listPath, setParams([...filterEntries(search.values, false), ["page", page], ["cursor", target.cursor]]));
}

/** The page number shown: the API's when it knows it, otherwise the one the URL carried along with the cursor. */
export function currentPage(list: ActivityListResponse, search: ActivitySearch): number | null {
  if (list.page !== null) return list.page;
  const fromUrl = Number(search.page);
  return Number.isInteger(fromUrl) && fromUrl >= 1 ? fromUrl : null;
}

export type ActivityResult =
  { kind: "rows"; list: ActivityListResponse } | { kind: "invalid"; message: string; fields: Readonly<Record<string, string>>; requestId?: string | undefined };

/** A 400 is the filters' fault: the page shows its messages by the filters instead of the error page. */
export async function loadActivityPage(page: Promise<ActivityListResponse>): Promise<ActivityResult> {
  try {
    return { kind: "rows", list: await page };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return { kind: "invalid", message: error.message, fields: error.fields, requestId: error.requestId };
    }
    throw error;
  }
}
