import { routes, syncStatusResponseSchema } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getSyncStatus(id: string, signal?: AbortSignal) {
  return apiClient.get(routes.connectorSync(id), syncStatusResponseSchema, signal);
}
