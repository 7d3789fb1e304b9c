import { channelViewSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getChannel(id: string, signal?: AbortSignal) {
  return apiClient.get(routes.notificationChannel(id), channelViewSchema, signal);
}
