import { listConnectorsResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getConnectors(signal?: AbortSignal) {
  return apiClient.get(routes.connectors, listConnectorsResponseSchema, signal);
}
