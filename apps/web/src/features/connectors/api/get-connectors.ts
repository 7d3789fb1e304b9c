import { listConnectorsResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";
import { withQuery } from "../../../lib/search-params";

/** One page of the list. `query` holds only the parameters that are set (see connector-search.ts). */
export function getConnectors(query: URLSearchParams, signal?: AbortSignal) {
  return apiClient.get(withQuery(routes.connectors, query), listConnectorsResponseSchema, signal);
}
