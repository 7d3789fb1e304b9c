import { routes, startConsentResponseSchema, type StartConsentRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function startConsent(id: string, body: StartConsentRequest) {
  return apiClient.post(routes.connectorConsent(id), body, startConsentResponseSchema);
}
