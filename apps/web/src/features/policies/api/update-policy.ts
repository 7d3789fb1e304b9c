import { policyViewSchema, routes, type PolicyInput } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** The whole policy is sent: the BFF replaces it, and rows stored from now on are evaluated by the new version. */
export function updatePolicy(id: string, body: PolicyInput) {
  return apiClient.put(routes.policy(id), body, policyViewSchema);
}
