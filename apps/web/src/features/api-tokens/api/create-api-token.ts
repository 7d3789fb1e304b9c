import { apiTokenCreatedResponseSchema, routes, type CreateApiTokenRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** The answer carries the token's secret: the only time the BFF ever sends it. */
export function createApiToken(body: CreateApiTokenRequest) {
  return apiClient.post(routes.apiTokens, body, apiTokenCreatedResponseSchema);
}
