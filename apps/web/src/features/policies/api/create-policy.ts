import { policyViewSchema, routes, type PolicyInput } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function createPolicy(body: PolicyInput) {
  return apiClient.post(routes.policies, body, policyViewSchema);
}
