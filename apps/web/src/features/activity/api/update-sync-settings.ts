import { routes, syncStatusResponseSchema, type SyncSettingsRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function updateSyncSettings(id: string, settings: SyncSettingsRequest) {
  return apiClient.put(routes.connectorSyncSettings(id), settings, syncStatusResponseSchema);
}
