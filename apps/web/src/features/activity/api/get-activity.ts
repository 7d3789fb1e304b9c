import { activityListResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";
import { withQuery } from "../../../lib/search-params";

/** Activity across connectors. `query` holds only the parameters that are set (see activity-search.ts). */
export function getActivity(query: URLSearchParams, signal?: AbortSignal) {
  return apiClient.get(withQuery(routes.activity, query), activityListResponseSchema, signal);
}
