import { alertsStatusResponseSchema, routes, type AlertsStatusRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** Every alert the filters match with status `from` gets `status`, only if `count` still match (one audit entry). */
export function setAlertsStatus(body: AlertsStatusRequest) {
  return apiClient.post(routes.alertsStatus, body, alertsStatusResponseSchema);
}
