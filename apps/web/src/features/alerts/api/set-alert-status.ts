import { alertViewSchema, routes, type AlertStatusRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** Resolve, dismiss (each with a note, which goes into the audit log) or reopen. */
export function setAlertStatus(id: string, body: AlertStatusRequest) {
  return apiClient.post(routes.alertStatus(id), body, alertViewSchema);
}
