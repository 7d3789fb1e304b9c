import { z } from "zod";
import { emailSchema } from "./auth";
import { severitySchema } from "./policies";
import { connectorStatusSchema, environmentSchema } from "./statuses";

/**
 * What the console tells people about (docs/notifications.md). `notification.test` is sent only by
 * "Send test", and `activity.alert_limit_reached` and `activity.alert_limit_summary` only to a
 * channel whose hourly alert limit held alerts back; a channel subscribes to the others.
 */
export const NOTIFICATION_EVENTS = [
  "connector.status_changed",
  "connector.sandbox_refresh_due",
  "activity.stalled",
  "consent.completed",
  "activity.alert",
  "activity.alert_limit_reached",
  "activity.alert_limit_summary",
  "notification.test",
] as const;
export const notificationEventSchema = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

export const SUBSCRIBABLE_EVENTS = [
  "connector.status_changed",
  "connector.sandbox_refresh_due",
  "activity.stalled",
  "consent.completed",
  "activity.alert",
] as const;
export const subscribableEventSchema = z.enum(SUBSCRIBABLE_EVENTS, { error: "Choose events from the list." });

/** Plain words for each event, for the Notifications page and the email subject. */
export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, string> = {
  "connector.status_changed": "A connector's status changed (broke, or recovered)",
  "connector.sandbox_refresh_due": "A sandbox refresh is coming (reconnect afterwards)",
  "activity.stalled": "Activity stopped arriving",
  "consent.completed": "Consent completed",
  "activity.alert": "An activity policy raised an alert",
  "activity.alert_limit_reached": "The channel's hourly alert limit held alerts back",
  "activity.alert_limit_summary": "How many alerts the channel's hourly limit held back",
  "notification.test": "Test",
};

export const channelKindSchema = z.enum(["webhook", "email"]);
export type ChannelKind = z.infer<typeof channelKindSchema>;

/** `standard`: the Standard Webhooks JSON event; `slack` / `teams`: a message those incoming webhooks accept (still signed). */
export const webhookFormatSchema = z.enum(["standard", "slack", "teams"]);
export type WebhookFormat = z.infer<typeof webhookFormatSchema>;

const channelNameSchema = z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");

/** An https URL (http only for hosts the operator lists in NOTIFY_ALLOWED_HOSTS; the BFF decides). */
export const webhookUrlSchema = z
  .string({ error: "Enter the URL the console should POST to." })
  .trim()
  .min(1, "Enter the URL the console should POST to.")
  .max(2000, "The URL is longer than 2000 characters.")
  .superRefine((raw, ctx) => {
    const problem = webhookUrlProblem(raw);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://hooks.example.com/workday-connect.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https://.";
  if (url.username || url.password) return "Remove the user:password@ part: the console signs each request instead.";
  if (url.hash) return "Remove the # fragment: it is never sent to the server.";
  return null;
}

/**
 * How a webhook URL is shown once saved: its origin and its last four characters. Slack, Teams
 * and most receivers put their credential in the path, so the full URL is a secret: it is sent
 * to the console once (add or edit) and never comes back, as the client secret never does.
 */
export function webhookUrlHint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "…";
  }
  const rest = raw.slice(url.origin.length);
  return rest.length <= 1 ? url.origin : `${url.origin}/…${raw.slice(-4)}`;
}

const connectorIdsSchema = z
  .array(z.string().min(1).max(64), { error: "Choose connectors, or all." })
  .max(1000, "Choose at most 1000 connectors, or all.")
  .nullable()
  .refine((ids) => ids === null || ids.length > 0, "Choose at least one connector, or all connectors.");

const eventsSchema = z
  .array(subscribableEventSchema, { error: "Choose at least one event." })
  .min(1, "Choose at least one event.")
  .transform((events) => [...new Set(events)]);

/** The largest hourly alert limit a channel takes: beyond it a limit limits nothing a receiver could read. */
export const ALERT_HOURLY_LIMIT_MAX = 10_000;

const channelCommon = {
  name: channelNameSchema,
  events: eventsSchema,
  /** null: every connector, present and future. */
  connectorIds: connectorIdsSchema.default(null),
  /** `activity.alert` only for alerts of at least this severity ("low": every alert). */
  alertMinSeverity: severitySchema.default("low"),
  /** At most this many `activity.alert` messages in any hour; the rest are only on the Alerts page. null: no limit. */
  alertHourlyLimit: z
    .number({ error: "Enter the most alert messages an hour as a whole number, or leave it empty for no limit." })
    .int("Enter the most alert messages an hour as a whole number, or leave it empty for no limit.")
    .min(1, "Enter at least 1 alert message an hour, or leave it empty for no limit.")
    .max(ALERT_HOURLY_LIMIT_MAX, `Enter at most ${ALERT_HOURLY_LIMIT_MAX.toLocaleString("en")} alert messages an hour, or leave it empty for no limit.`)
    .nullable()
    .default(null),
  enabled: z.boolean().default(true),
};

export const webhookChannelRequestSchema = z
  // `url` may be left out on an edit: the saved one stays (it is never shown back, see webhookUrlHint).
  .object({ kind: z.literal("webhook"), ...channelCommon, url: webhookUrlSchema.optional(), format: webhookFormatSchema.default("standard") })
  .strict();
export const emailChannelRequestSchema = z
  .object({
    kind: z.literal("email"),
    ...channelCommon,
    recipients: z
      .array(emailSchema, { error: "Enter at least one email address." })
      .min(1, "Enter at least one email address.")
      .max(20, "Use at most 20 addresses; a mailing list can reach more.")
      .transform((r) => [...new Set(r)]),
  })
  .strict();

/** POST /api/notifications/channels and PUT …/:id (a channel's kind never changes). */
export const channelRequestSchema = z.discriminatedUnion("kind", [webhookChannelRequestSchema, emailChannelRequestSchema], {
  error: 'Say whether the channel is a "webhook" or an "email" channel.',
});
export type ChannelRequest = z.input<typeof channelRequestSchema>;

export const deliveryOutcomeSchema = z.enum(["delivered", "retrying", "gave_up"]);
export type DeliveryOutcome = z.infer<typeof deliveryOutcomeSchema>;

export const channelViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: channelKindSchema,
  /** The webhook target as webhookUrlHint shows it (null for email); the full URL is never sent back. */
  urlHint: z.string().nullable(),
  format: webhookFormatSchema.nullable(),
  recipients: z.array(z.string()),
  events: z.array(subscribableEventSchema),
  connectorIds: z.array(z.string()).nullable(),
  alertMinSeverity: severitySchema,
  alertHourlyLimit: z.number().int().nullable(),
  /** Alerts this channel was not sent because of its hourly limit, since it was created, and the last time one was. */
  alertsHeldBack: z.number().int(),
  lastHeldBackAt: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The newest attempt's outcome, for the list. */
  lastAttempt: z.object({ at: z.string(), outcome: deliveryOutcomeSchema, answer: z.string() }).nullable(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

export const channelsResponseSchema = z.object({ channels: z.array(channelViewSchema) });
export type ChannelsResponse = z.infer<typeof channelsResponseSchema>;

/** 201 on create: the webhook signing secret (`whsec_…`) is in this answer only; email channels have none. */
export const channelCreatedResponseSchema = z.object({ channel: channelViewSchema, signingSecret: z.string().nullable() });
export type ChannelCreatedResponse = z.infer<typeof channelCreatedResponseSchema>;

/** POST …/:id/secret: a new signing secret, shown once; the old one stops at once. */
export const signingSecretResponseSchema = z.object({ signingSecret: z.string() });

/** POST …/:id/test: queued; the delivery log shows what the receiver answered. */
export const testQueuedResponseSchema = z.object({ eventId: z.string() });

/** One attempt in a channel's delivery log. */
export const deliveryAttemptSchema = z.object({
  at: z.string(),
  /** The event's id: the `webhook-id` header, the same on every retry. */
  eventId: z.string(),
  eventType: notificationEventSchema,
  connectorId: z.string().nullable(),
  attempt: z.number().int().min(1),
  outcome: deliveryOutcomeSchema,
  /** "HTTP 500", "250 2.0.0 Ok", or why nothing was answered ("timed out after 10 s"). */
  answer: z.string(),
  nextAttemptAt: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

export const deliveryLogResponseSchema = z.object({ attempts: z.array(deliveryAttemptSchema) });
export type DeliveryLogResponse = z.infer<typeof deliveryLogResponseSchema>;

/** The connector as an event names it. */
export const eventConnectorSchema = z.object({ id: z.string(), name: z.string(), tenant: z.string().nullable(), environment: environmentSchema.nullable() });

/** The `data` of each event type (docs/notifications.md shows an example of each). */
export const statusChangedDataSchema = z.object({
  connector: eventConnectorSchema,
  from: connectorStatusSchema,
  to: connectorStatusSchema,
  /** True when `to` is connected again after the hold-down. */
  recovered: z.boolean(),
  reasonCode: z.string().nullable(),
  /** The troubleshooting entry's title: what went wrong in Workday's terms. */
  title: z.string().nullable(),
  url: z.string(),
});
export type StatusChangedData = z.infer<typeof statusChangedDataSchema>;
