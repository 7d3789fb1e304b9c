import { auditQuerySchema } from "@wc/contracts";
import { problemFromIssues, type FormProblem } from "../../lib/form-problem";

/** The filter form's fields, named as the BFF's query parameters, so the page's URL is the query. */
export const FILTER_NAMES = ["actor", "action", "targetId", "from", "to"] as const;
export type AuditFilters = Record<(typeof FILTER_NAMES)[number], string>;

export function filtersIn(search: URLSearchParams): AuditFilters {
  const value = (name: string) => search.get(name)?.trim() ?? "";
  return { actor: value("actor"), action: value("action"), targetId: value("targetId"), from: value("from"), to: value("to") };
}

/** The form's date-times have no zone (`2026-11-29T10:00`); the log is in UTC, so they are read as UTC. */
export function asUtc(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
}

/** The BFF query for the page's URL (filters and `before`), or what is wrong with a filter. */
export function auditRequest(search: URLSearchParams): { query: URLSearchParams } | { problem: FormProblem } {
  const filters = filtersIn(search);
  const raw: Record<string, string> = {};
  for (const name of FILTER_NAMES) if (filters[name] !== "") raw[name] = name === "from" || name === "to" ? asUtc(filters[name]) : filters[name];
  const before = search.get("before");
  if (before) raw.before = before;
  const parsed = auditQuerySchema.safeParse(raw);
  if (!parsed.success) return { problem: { ...problemFromIssues(parsed.error.issues), message: "Some filters need fixing." } };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parsed.data)) if (value !== undefined) query.set(name, String(value));
  return { query };
}

/** The next (older) page: the same filters, entries before `nextBefore`. */
export function olderSearch(search: URLSearchParams, nextBefore: number): URLSearchParams {
  const next = new URLSearchParams(search);
  next.set("before", String(nextBefore));
  return next;
}

/** The first (newest) page with the same filters. */
export function newestSearch(search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete("before");
  return next;
}

/** A form's values as a query with the empty fields left out, so the URL says only what filters. */
export function nonEmpty(form: FormData): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === "string" && value.trim() !== "") query.set(name, value.trim());
  return query;
}
