import { routes, sessionResponseSchema, type SetupRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** Creates the first admin with the one-time token and signs them in. */
export function completeSetup(body: SetupRequest) {
  return apiClient.post(routes.setup, body, sessionResponseSchema, { checksCredentials: true });
}
