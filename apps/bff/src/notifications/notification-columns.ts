import type { DeliveryAttempt } from "@wc/contracts";
import type { ChannelPatch, ChannelRecord, OutboxEvent } from "./notification-store";

type Row = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const list = (v: unknown): string[] => (typeof v === "string" ? (JSON.parse(v) as string[]) : []);

/** The same columns on both engines; booleans go in as 0/1 (PostgreSQL's BOOLEAN accepts them). */
export function channelToRow(c: ChannelPatch & Partial<Pick<ChannelRecord, "id" | "kind" | "createdAt">>): Row {
  const row: Row = {};
  if (c.id !== undefined) row.id = c.id;
  if (c.name !== undefined) row.name = c.name;
  if (c.kind !== undefined) row.kind = c.kind;
  if (c.urlEnc !== undefined) row.url_enc = c.urlEnc;
  if (c.urlHint !== undefined) row.url_hint = c.urlHint;
  if (c.format !== undefined) row.format = c.format;
  if (c.recipients !== undefined) row.recipients = JSON.stringify(c.recipients);
  if (c.events !== undefined) row.events = JSON.stringify(c.events);
  if (c.connectorIds !== undefined) row.connector_ids = c.connectorIds === null ? null : JSON.stringify(c.connectorIds);
  if (c.alertMinSeverity !== undefined) row.alert_min_severity = c.alertMinSeverity;
  if (c.alertHourlyLimit !== undefined) row.alert_hourly_limit = c.alertHourlyLimit;
  if (c.enabled !== undefined) row.enabled = c.enabled ? 1 : 0;
  if (c.secretEnc !== undefined) row.secret_enc = c.secretEnc;
  if (c.createdAt !== undefined) row.created_at = c.createdAt;
  if (c.updatedAt !== undefined) row.updated_at = c.updatedAt;
  return row;
}

export function channelFromRow(r: Row): ChannelRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: r.kind === "email" ? "email" : "webhook",
    urlEnc: text(r.url_enc),
    urlHint: text(r.url_hint),
    format: r.format === "slack" || r.format === "teams" || r.format === "standard" ? r.format : null,
    recipients: list(r.recipients),
    events: list(r.events) as ChannelRecord["events"],
    connectorIds: r.connector_ids === null || r.connector_ids === undefined ? null : list(r.connector_ids),
    alertMinSeverity: r.alert_min_severity === "medium" || r.alert_min_severity === "high" ? r.alert_min_severity : "low",
    alertHourlyLimit: r.alert_hourly_limit === null || r.alert_hourly_limit === undefined ? null : Number(r.alert_hourly_limit),
    alertsHeldBack: Number(r.alerts_held_back ?? 0),
    lastHeldBackAt: text(r.last_held_back_at),
    lastLimitNoticeAt: text(r.last_limit_notice_at),
    heldBackAtNotice: r.held_back_at_notice === null || r.held_back_at_notice === undefined ? null : Number(r.held_back_at_notice),
    enabled: r.enabled === 1 || r.enabled === true,
    secretEnc: text(r.secret_enc),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export const OUTBOX_COLUMNS = ["id", "type", "connector_id", "channel_id", "once_key", "data", "created_at"] as const;

export function outboxValues(e: OutboxEvent): unknown[] {
  return [e.id, e.type, e.connectorId, e.channelId, e.onceKey, JSON.stringify(e.data), e.createdAt];
}

export function outboxFromRow(r: Row, prefix = ""): OutboxEvent {
  return {
    id: String(r[`${prefix}id`]),
    type: String(r[`${prefix}type`]) as OutboxEvent["type"],
    connectorId: text(r[`${prefix}connector_id`]),
    channelId: text(r[`${prefix}channel_id`]),
    onceKey: text(r[`${prefix}once_key`]),
    data: JSON.parse(String(r[`${prefix}data`])) as Record<string, unknown>,
    createdAt: String(r[`${prefix}created_at`]),
  };
}

/**
 * The delivery log past retention, a chunk at a time (the last parameter is a LIMIT): attempts
 * made before a time; events queued before it whose deliveries are all settled (delivered or given
 * up; their deliveries go with them); and the expired leases of deliveries. An event not yet
 * fanned out, or with a delivery still to send, stays however old.
 */
export const PRUNE_LOG = [
  "DELETE FROM notification_attempts WHERE seq IN (SELECT seq FROM notification_attempts WHERE at < ? LIMIT ?)",
  `DELETE FROM notification_outbox WHERE id IN (SELECT o.id FROM notification_outbox o WHERE o.fanned_out AND o.created_at < ?
    AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.event_id = o.id AND d.status = 'pending') LIMIT ?)`,
  "DELETE FROM leases WHERE key IN (SELECT key FROM leases WHERE key LIKE 'notify:%' AND expires_at < ? LIMIT ?)",
] as const;

export const ATTEMPTS_SQL = `SELECT at, event_id AS "eventId", event_type AS "eventType", connector_id AS "connectorId", attempt, outcome, answer,
  next_attempt_at AS "nextAttemptAt" FROM notification_attempts WHERE channel_id = ? ORDER BY seq DESC LIMIT ?`;

export function attemptFromRow(r: Row): DeliveryAttempt {
  return {
    at: String(r.at),
    eventId: String(r.eventId),
    eventType: String(r.eventType) as DeliveryAttempt["eventType"],
    connectorId: text(r.connectorId),
    attempt: Number(r.attempt),
    outcome: String(r.outcome) as DeliveryAttempt["outcome"],
    answer: String(r.answer),
    nextAttemptAt: text(r.nextAttemptAt),
  };
}

/** The job query's columns: the delivery (prefixed d_), its event (prefixed e_) and its channel (unprefixed). */
export const JOB_SELECT = `SELECT d.id AS d_id, d.attempts AS d_attempts, d.created_at AS d_created_at,
  e.id AS e_id, e.type AS e_type, e.connector_id AS e_connector_id, e.channel_id AS e_channel_id, e.once_key AS e_once_key, e.data AS e_data, e.created_at AS e_created_at,
  c.*
  FROM notification_deliveries d JOIN notification_outbox e ON e.id = d.event_id JOIN notification_channels c ON c.id = d.channel_id`;

export function jobFromRow(r: Row) {
  return { id: String(r.d_id), attempts: Number(r.d_attempts), createdAt: String(r.d_created_at), event: outboxFromRow(r, "e_"), channel: channelFromRow(r) };
}
