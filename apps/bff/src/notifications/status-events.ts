import { statusNotice, type ConnectorStatus } from "@wc/workday";
import type { ConnectorRecord } from "../store/types";
import type { OutboxEvent } from "./notification-store";
import { statusChangedEvent } from "./outbox-events";

/**
 * What a status move tells people: the connector columns that remember what was announced, and
 * the event to queue in the same update (none when it is not news; see statusNotice).
 */
export function statusEvents(
  fresh: ConnectorRecord,
  next: { status: ConnectorStatus; reasonCode: string | null; healthy: boolean },
  holdDown: number,
  now: Date,
): { patch: Pick<ConnectorRecord, "notifiedStatus" | "healthyStreak">; events: OutboxEvent[] } {
  const r = statusNotice(fresh, next, holdDown);
  return {
    patch: { notifiedStatus: r.notifiedStatus, healthyStreak: r.healthyStreak },
    events: r.notice ? [statusChangedEvent(fresh, r.notice, next.reasonCode, now)] : [],
  };
}
