import { channelCreatedResponseSchema, routes, type ChannelRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** The answer carries a webhook's signing secret, the only time it is ever sent. */
export function createChannel(body: ChannelRequest) {
  return apiClient.post(routes.notificationChannels, body, channelCreatedResponseSchema);
}
