import { routes, syncStatusResponseSchema, type ResyncRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** Asks the BFF to fetch the window again; it answers 202 at once and works in the background. */
export function startResync(id: string, window: ResyncRequest) {
  return apiClient.post(routes.connectorResync(id), window, syncStatusResponseSchema);
}
