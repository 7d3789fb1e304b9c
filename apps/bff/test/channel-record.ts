import type { ChannelRecord } from "../src/notifications/notification-store";

/** An enabled webhook channel (sealed URL and secret) for connector status changes, saved at `at`; `over` changes any field. */
export function channelRecord(id: string, at: string, over: Partial<ChannelRecord> = {}): ChannelRecord {
  return {
    id,
    name: `Channel ${id}`,
    kind: "webhook",
    urlEnc: "v1.sealed-url",
    urlHint: "https://hooks.example.com/…ok/x",
    format: "standard",
    recipients: [],
    events: ["connector.status_changed"],
    connectorIds: null,
    alertMinSeverity: "low",
    alertHourlyLimit: null,
    alertsHeldBack: 0,
    lastHeldBackAt: null,
    lastLimitNoticeAt: null,
    heldBackAtNotice: null,
    enabled: true,
    secretEnc: "v1.sealed",
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
