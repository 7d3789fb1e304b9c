import { connectorResponseSchema, routes, type DetailsRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function saveDetails(id: string, body: DetailsRequest) {
  return apiClient.put(routes.connectorDetails(id), body, connectorResponseSchema);
}
