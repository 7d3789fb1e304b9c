import { connectorResponseSchema, routes, type WizardProgressRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function updateWizardProgress(id: string, body: WizardProgressRequest) {
  return apiClient.patch(routes.connectorWizard(id), body, connectorResponseSchema);
}
