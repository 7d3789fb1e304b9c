import type { ConnectorStatus } from "./status-model";

/** Statuses people are told about when a connector enters them. */
const ANNOUNCED: ReadonlySet<ConnectorStatus> = new Set(["degraded", "relink_needed", "action_required", "disconnected"]);

/** What the console last told people about a connector, and the healthy outcomes since. */
export interface NoticeState {
  /** The last status announced (a broken one, or connected after a recovery); null before any. */
  notifiedStatus: ConnectorStatus | null;
  /** Healthy outcomes in a row (checks passing, activity arriving). */
  healthyStreak: number;
}

export interface StatusNotice {
  from: ConnectorStatus;
  to: ConnectorStatus;
  recovered: boolean;
}

/**
 * Decides whether a status move is worth telling people about. Entering a broken status is
 * announced once (moving between broken statuses too); coming back to connected is announced
 * only after `holdDown` healthy outcomes in a row, so a connector that flaps between connected
 * and degraded announces "degraded" once and then stays quiet until it has really recovered.
 */
export function statusNotice(
  prev: NoticeState & { status: ConnectorStatus },
  next: { status: ConnectorStatus; healthy: boolean },
  holdDown: number,
): NoticeState & { notice: StatusNotice | null } {
  const healthyStreak = next.healthy ? prev.healthyStreak + 1 : 0;
  const notified = prev.notifiedStatus;
  if (ANNOUNCED.has(next.status)) {
    if (notified === next.status) return { notifiedStatus: notified, healthyStreak, notice: null };
    return { notifiedStatus: next.status, healthyStreak, notice: { from: prev.status, to: next.status, recovered: false } };
  }
  const wasBroken = notified !== null && ANNOUNCED.has(notified);
  if (next.status === "connected" && wasBroken && healthyStreak >= holdDown) {
    return { notifiedStatus: "connected", healthyStreak, notice: { from: notified, to: "connected", recovered: true } };
  }
  return { notifiedStatus: notified, healthyStreak, notice: null };
}
