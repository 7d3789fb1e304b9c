import { apiTokenResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function revokeApiToken(id: string) {
  return apiClient.deleteWith(routes.apiToken(id), apiTokenResponseSchema);
}
