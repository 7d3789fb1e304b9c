import { connectorDetailResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getConnector(id: string, signal?: AbortSignal) {
  return apiClient.get(routes.connector(id), connectorDetailResponseSchema, signal);
}
