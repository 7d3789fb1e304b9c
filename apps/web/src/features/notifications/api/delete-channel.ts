import { routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function deleteChannel(id: string) {
  return apiClient.delete(routes.notificationChannel(id));
}
