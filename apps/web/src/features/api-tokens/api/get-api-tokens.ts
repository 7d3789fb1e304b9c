import { apiTokensResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getApiTokens(signal?: AbortSignal) {
  return apiClient.get(routes.apiTokens, apiTokensResponseSchema, signal);
}
