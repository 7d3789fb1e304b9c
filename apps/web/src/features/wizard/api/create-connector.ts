import { connectorResponseSchema, routes, type CreateConnectorRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function createConnector(body: CreateConnectorRequest) {
  return apiClient.post(routes.connectors, body, connectorResponseSchema);
}
