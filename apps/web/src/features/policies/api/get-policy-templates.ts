import { policyTemplatesResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getPolicyTemplates(signal?: AbortSignal) {
  return apiClient.get(routes.policyTemplates, policyTemplatesResponseSchema, signal);
}
