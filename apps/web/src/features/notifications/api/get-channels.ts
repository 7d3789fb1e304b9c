import { channelsResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getChannels(signal?: AbortSignal) {
  return apiClient.get(routes.notificationChannels, channelsResponseSchema, signal);
}
