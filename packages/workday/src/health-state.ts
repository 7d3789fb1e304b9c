import type { ReasonCode } from "./reason-codes";
import { TROUBLESHOOTING } from "./troubleshooting";

export interface HealthState {
  status: string;
  reasonCode: string | null;
  consecutiveTransientFailures: number;
}

export type HealthOutcome = { ok: true } | { ok: false; transient: boolean; reasonCode: ReasonCode };

/** Statuses only an admin moves a connector out of; health results never touch them. */
const FROZEN = new Set(["disconnected", "pending_configuration", "pending_authorization"]);

/**
 * The health state machine (DESIGN.md statuses): a success means connected; a definitive failure
 * takes its catalog status at once; transient failures count, and only `threshold` in a row
 * make a connector degraded, so one blip never alarms anyone.
 */
export function nextHealth(prev: HealthState, outcome: HealthOutcome, threshold: number): HealthState {
  if (FROZEN.has(prev.status)) return prev;
  if (outcome.ok) return { status: "connected", reasonCode: null, consecutiveTransientFailures: 0 };
  if (!outcome.transient) {
    return { status: TROUBLESHOOTING[outcome.reasonCode].status ?? "action_required", reasonCode: outcome.reasonCode, consecutiveTransientFailures: 0 };
  }
  const failures = prev.consecutiveTransientFailures + 1;
  if (failures >= threshold) return { status: "degraded", reasonCode: outcome.reasonCode, consecutiveTransientFailures: failures };
  return { ...prev, consecutiveTransientFailures: failures };
}

const HOUR_MS = 3_600_000;

/** Retry-After as seconds or an HTTP-date (RFC 9110 §10.2.3) → milliseconds to wait, 0..1 h; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const v = header.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, HOUR_MS);
  const at = Date.parse(v);
  if (Number.isNaN(at) || !/[a-z]/i.test(v)) return null;
  return Math.min(Math.max(at - now.getTime(), 0), HOUR_MS);
}

/** Exponential backoff with full jitter: random × min(max, base × 2^attempt). */
export function backoffDelayMs(attempt: number, o: { baseMs: number; maxMs: number; random: () => number }): number {
  const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(o.random() * ceiling);
}
