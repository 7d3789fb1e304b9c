import { connectorResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function disconnectConnector(id: string) {
  return apiClient.post(routes.connectorDisconnect(id), undefined, connectorResponseSchema);
}
