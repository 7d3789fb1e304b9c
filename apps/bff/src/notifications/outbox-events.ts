import { randomUUID } from "node:crypto";
import { TROUBLESHOOTING, isReasonCode, type StatusNotice } from "@wc/workday";
import type { NotificationEvent } from "@wc/contracts";
import type { ConnectorRecord } from "../store/types";
import type { OutboxEvent } from "./notification-store";

/** `msg_` + 128 random bits: the `webhook-id` receivers de-duplicate on. */
/**
 * Unique, and in time order (the time in fixed-width base 36 first): events are written in the
 * sync's page transactions, and a random key would land each one on a different page of the
 * outbox's index, every one of them rewritten at commit.
 */
export const newEventId = () => `msg_${Date.now().toString(36).padStart(9, "0")}${randomUUID().replaceAll("-", "").slice(0, 20)}`;

type Named = Pick<ConnectorRecord, "id" | "name" | "tenant" | "environment">;

const connectorOf = (c: Named) => ({ id: c.id, name: c.name, tenant: c.tenant, environment: c.environment });

function event(
  type: NotificationEvent,
  at: Date,
  data: Record<string, unknown>,
  o: { connectorId?: string; channelId?: string; onceKey?: string } = {},
): OutboxEvent {
  return {
    id: newEventId(),
    type,
    connectorId: o.connectorId ?? null,
    channelId: o.channelId ?? null,
    onceKey: o.onceKey ?? null,
    data,
    createdAt: at.toISOString(),
  };
}

/** The connector broke (or recovered after the hold-down); the link is added when it is sent. */
export function statusChangedEvent(c: Named, notice: StatusNotice, reasonCode: string | null, at: Date): OutboxEvent {
  const title = !notice.recovered && reasonCode !== null && isReasonCode(reasonCode) ? TROUBLESHOOTING[reasonCode].title : null;
  return event(
    "connector.status_changed",
    at,
    { connector: connectorOf(c), from: notice.from, to: notice.to, recovered: notice.recovered, reasonCode: notice.recovered ? null : reasonCode, title },
    { connectorId: c.id },
  );
}

export function consentCompletedEvent(c: Named, grantedBy: string, at: Date): OutboxEvent {
  return event("consent.completed", at, { connector: connectorOf(c), grantedBy }, { connectorId: c.id });
}

export function sandboxRefreshDueEvent(c: Named, refreshAt: Date, at: Date): OutboxEvent {
  return event(
    "connector.sandbox_refresh_due",
    at,
    { connector: connectorOf(c), refreshAt: refreshAt.toISOString() },
    {
      connectorId: c.id,
      onceKey: `sandbox_refresh_due:${c.id}:${refreshAt.toISOString()}`,
    },
  );
}

/** Once per stall: the key names the last time activity arrived, so a new stall later is a new event. */
export function activityStalledEvent(c: Named, lastActivityAt: string, thresholdMinutes: number, at: Date): OutboxEvent {
  return event(
    "activity.stalled",
    at,
    { connector: connectorOf(c), lastActivityAt, thresholdMinutes },
    { connectorId: c.id, onceKey: `activity.stalled:${c.id}:${lastActivityAt}` },
  );
}

/**
 * To one channel: its hourly alert limit just held an alert back, so its recipients know the
 * silence that follows is not a quiet hour.
 */
export function alertLimitReachedEvent(channel: { id: string; name: string; alertHourlyLimit: number | null }, at: Date): OutboxEvent {
  return event(
    "activity.alert_limit_reached",
    at,
    { channel: { id: channel.id, name: channel.name }, limit: channel.alertHourlyLimit },
    { channelId: channel.id },
  );
}

/**
 * To one channel, once its limited hour is over: how many alerts its limit held back from the
 * notice on, so the gap has a size. Once per notice (its time is in the key), whichever replica
 * or round queues it.
 */
export function alertLimitSummaryEvent(
  channel: { id: string; name: string; alertHourlyLimit: number | null },
  held: { heldBack: number; from: string; to: string },
  at: Date,
): OutboxEvent {
  return event(
    "activity.alert_limit_summary",
    at,
    { channel: { id: channel.id, name: channel.name }, limit: channel.alertHourlyLimit, heldBack: held.heldBack, from: held.from, to: held.to },
    { channelId: channel.id, onceKey: `activity.alert_limit_summary:${channel.id}:${held.from}` },
  );
}

export function testEvent(channel: { id: string; name: string }, actor: string, at: Date): OutboxEvent {
  return event("notification.test", at, { channel: { id: channel.id, name: channel.name }, sentBy: actor }, { channelId: channel.id });
}

/** Once per alert: extending an alert with more rows is not news, a new alert is. */
export function activityAlertEvent(
  c: Named,
  a: { id: string; policyId: string; policyName: string; severity: string; account: string; rowCount: number; firstRowAt: string; lastRowAt: string },
  at: Date,
): OutboxEvent {
  return event(
    "activity.alert",
    at,
    {
      connector: connectorOf(c),
      alertId: a.id,
      policyId: a.policyId,
      policyName: a.policyName,
      severity: a.severity,
      account: a.account,
      rowCount: a.rowCount,
      firstRowAt: a.firstRowAt,
      lastRowAt: a.lastRowAt,
    },
    { connectorId: c.id, onceKey: `activity.alert:${a.id}` },
  );
}
