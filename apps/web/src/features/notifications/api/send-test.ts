import { routes, testQueuedResponseSchema } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** Queued, not sent: what the receiver answered shows up in the delivery log. */
export function sendTest(id: string) {
  return apiClient.post(routes.notificationChannelTest(id), undefined, testQueuedResponseSchema);
}
