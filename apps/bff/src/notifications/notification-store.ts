import type { DeliveryAttempt, DeliveryOutcome, NotificationEvent, Severity, WebhookFormat } from "@wc/contracts";

/**
 * A notification channel as stored. `urlEnc` and `secretEnc` are the sealed webhook URL and signing
 * secret (never plaintext: a Slack or Teams URL carries its own credential); `urlHint` is what is shown.
 */
export interface ChannelRecord {
  id: string;
  name: string;
  kind: "webhook" | "email";
  urlEnc: string | null;
  urlHint: string | null;
  format: WebhookFormat | null;
  recipients: string[];
  events: NotificationEvent[];
  /** null: every connector. */
  connectorIds: string[] | null;
  /** `activity.alert` only for alerts of at least this severity. */
  alertMinSeverity: Severity;
  /** At most this many `activity.alert` deliveries created in any hour (null: no limit). */
  alertHourlyLimit: number | null;
  /** Alerts not delivered because of the hourly limit, and when the last one was (written by the fan-out only). */
  alertsHeldBack: number;
  lastHeldBackAt: string | null;
  /** When the channel was last told its limit held alerts back (at most once an hour). */
  lastLimitNoticeAt: string | null;
  /** `alertsHeldBack` when that notice was sent, until the summary of its hour is queued (then null). */
  heldBackAtNotice: number | null;
  enabled: boolean;
  secretEnc: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ChannelPatch = Partial<
  Omit<ChannelRecord, "id" | "kind" | "createdAt" | "alertsHeldBack" | "lastHeldBackAt" | "lastLimitNoticeAt" | "heldBackAtNotice">
>;

/**
 * One event in the outbox. `id` is what receivers de-duplicate on (the `webhook-id`); `data` is
 * frozen when the event happens, so a retry a day later says what was true then.
 */
export interface OutboxEvent {
  id: string;
  type: NotificationEvent;
  connectorId: string | null;
  /** Only this channel (Send test). */
  channelId: string | null;
  /** An event that must happen once per key (a sandbox reminder per refresh, a stall per episode). */
  onceKey: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** A delivery to send now: the event and the channel it goes to, claimed under a lease. */
export interface DeliveryJob {
  id: string;
  event: OutboxEvent;
  channel: ChannelRecord;
  /** Attempts already made. */
  attempts: number;
  createdAt: string;
}

/** The result of one attempt: the log row, and the delivery's next state. */
export interface AttemptRecord {
  at: string;
  attempt: number;
  outcome: DeliveryOutcome;
  answer: string;
  nextAttemptAt: string | null;
}

export interface NotificationStore {
  insertChannel(c: ChannelRecord): Promise<void>;
  getChannel(id: string): Promise<ChannelRecord | null>;
  listChannels(): Promise<ChannelRecord[]>;
  updateChannel(id: string, patch: ChannelPatch): Promise<ChannelRecord | null>;
  /** Deletes the channel with its deliveries and log. */
  deleteChannel(id: string): Promise<boolean>;
  /** Queues an event not tied to a connector change; false when its `onceKey` was queued before. */
  enqueueEvent(e: OutboxEvent): Promise<boolean>;
  /**
   * Turns queued events into one delivery per channel that wants them (`wants` decides), and marks
   * them done, in one transaction; events no channel wants are marked done too. Returns how many
   * deliveries were created.
   */
  fanOutEvents(limit: number, now: string, wants: (c: ChannelRecord, e: OutboxEvent) => boolean): Promise<number>;
  /** Takes the lease `notify:<delivery id>` on up to `limit` pending deliveries that are due, oldest first. */
  claimDueDeliveries(owner: string, limit: number, ttlMs: number, now: Date): Promise<DeliveryJob[]>;
  /** Appends the attempt to the channel's log and moves the delivery (delivered, retrying at, gave up), atomically. */
  recordAttempt(job: Pick<DeliveryJob, "id" | "event" | "channel">, a: AttemptRecord): Promise<void>;
  /** The channel's log, newest first. */
  listAttempts(channelId: string, limit: number): Promise<DeliveryAttempt[]>;
  /** Deletes the delivery log from before `before` (PRUNE_LOG): how many attempts and events went. */
  pruneNotificationLog(before: string): Promise<{ attempts: number; events: number }>;
}
