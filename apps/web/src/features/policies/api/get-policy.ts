import { policyViewSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getPolicy(id: string, signal?: AbortSignal) {
  return apiClient.get(routes.policy(id), policyViewSchema, signal);
}
