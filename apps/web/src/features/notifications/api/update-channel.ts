import { channelViewSchema, routes, type ChannelRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** The whole channel is sent: the BFF has no partial update, so enabling one sends the rest unchanged. */
export function updateChannel(id: string, body: ChannelRequest) {
  return apiClient.put(routes.notificationChannel(id), body, channelViewSchema);
}
