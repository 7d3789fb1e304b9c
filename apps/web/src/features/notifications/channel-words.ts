import type { ChannelKind, ChannelView, DeliveryOutcome, WebhookFormat } from "@wc/contracts";

export const CHANNEL_KIND_NAMES: Record<ChannelKind, string> = { webhook: "Webhook", email: "Email" };

export const WEBHOOK_FORMAT_NAMES: Record<WebhookFormat, string> = { standard: "Standard Webhooks", slack: "Slack", teams: "Microsoft Teams" };

export const DELIVERY_OUTCOME_NAMES: Record<DeliveryOutcome, string> = { delivered: "Delivered", retrying: "Retrying", gave_up: "Gave up" };

/** A connector as the page names it; the route loads them with the connectors list. */
export interface ConnectorName {
  id: string;
  name: string;
}

/** Where the channel sends: the webhook URL, or the email recipients. */
export function channelTarget(channel: ChannelView): string {
  return channel.kind === "webhook" ? (channel.urlHint ?? "") : channel.recipients.join(", ");
}

/** "All", or the chosen connectors by name; a connector deleted since keeps its id so the choice is still visible. */
export function connectorsText(ids: readonly string[] | null, connectors: readonly ConnectorName[]): string {
  if (ids === null) return "All";
  return ids.map((id) => connectors.find((c) => c.id === id)?.name ?? `Deleted connector ${id}`).join(", ");
}
