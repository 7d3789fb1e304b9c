import { policiesResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getPolicies(signal?: AbortSignal) {
  return apiClient.get(routes.policies, policiesResponseSchema, signal);
}
