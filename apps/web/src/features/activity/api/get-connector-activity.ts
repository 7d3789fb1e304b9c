import { activityListResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";
import { withQuery } from "../../../lib/search-params";

/** One connector's activity. `query` holds only the parameters that are set (see activity-search.ts). */
export function getConnectorActivity(id: string, query: URLSearchParams, signal?: AbortSignal) {
  return apiClient.get(withQuery(routes.connectorActivity(id), query), activityListResponseSchema, signal);
}
