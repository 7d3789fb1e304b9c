import { alertListResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";
import { withQuery } from "../../../lib/search-params";

/** `query` holds only the filters that are set: the BFF refuses empty ones. */
export function getAlerts(query: URLSearchParams, signal?: AbortSignal) {
  return apiClient.get(withQuery(routes.alerts, query), alertListResponseSchema, signal);
}
