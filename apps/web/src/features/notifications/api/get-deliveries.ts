import { deliveryLogResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getDeliveries(id: string, signal?: AbortSignal) {
  return apiClient.get(routes.notificationChannelDeliveries(id), deliveryLogResponseSchema, signal);
}
