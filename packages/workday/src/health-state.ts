import type { ReasonCode } from "./reason-codes";
import { TROUBLESHOOTING } from "./troubleshooting";

/** The part of a connector the health checks move. `status` is a connector status (docs/troubleshooting.md "Statuses"). */
export interface HealthState {
  status: string;
  reasonCode: string | null;
  consecutiveTransientFailures: number;
}

export type HealthOutcome = { ok: true } | { ok: false; transient: boolean; reasonCode: ReasonCode };

/** Statuses only an admin moves a connector out of; health results never touch them. */
const FROZEN: ReadonlySet<string> = new Set(["disconnected", "pending_configuration", "pending_authorization"]);

/** Statuses that say an admin must act; an outage proves nothing about them, so it does not hide them. */
const NEEDS_ADMIN: ReadonlySet<string> = new Set(["relink_needed", "action_required"]);

/**
 * The health state machine (statuses as in docs/troubleshooting.md): a success means connected; a definitive failure
 * takes its catalog status at once; transient failures count, and only `threshold` in a row make a
 * connected connector degraded, so one blip never alarms anyone.
 */
export function nextHealth(prev: HealthState, outcome: HealthOutcome, threshold: number): HealthState {
  if (FROZEN.has(prev.status)) return prev;
  if (outcome.ok) return { status: "connected", reasonCode: null, consecutiveTransientFailures: 0 };
  if (!outcome.transient) {
    // Consent-only codes have no status of their own; as a health result they ask a Workday admin to look.
    const status = TROUBLESHOOTING[outcome.reasonCode].status ?? "action_required";
    return { status, reasonCode: outcome.reasonCode, consecutiveTransientFailures: 0 };
  }
  const failures = prev.consecutiveTransientFailures + 1;
  if (failures >= threshold && !NEEDS_ADMIN.has(prev.status)) {
    return { status: "degraded", reasonCode: outcome.reasonCode, consecutiveTransientFailures: failures };
  }
  return { ...prev, consecutiveTransientFailures: failures };
}
