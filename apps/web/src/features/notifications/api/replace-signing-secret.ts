import { routes, signingSecretResponseSchema } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** The old secret stops working at once; the new one is in this answer only. */
export function replaceSigningSecret(id: string) {
  return apiClient.post(routes.notificationChannelSecret(id), undefined, signingSecretResponseSchema);
}
