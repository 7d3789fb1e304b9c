import { backtestResponseSchema, routes, type PolicyInput } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** The policy as on the form, not saved, run over the last 7 days of stored activity. */
export function backtestPolicy(body: PolicyInput) {
  return apiClient.post(routes.policyBacktest, body, backtestResponseSchema);
}
