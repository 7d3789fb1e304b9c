import { TROUBLESHOOTING } from "./troubleshooting";
import { statusRule, type UpstreamOutcome } from "./status-model";

/** The part of a connector the health checks move. `status` is a connector status (docs/troubleshooting.md "Statuses"). */
export interface HealthState {
  status: string;
  reasonCode: string | null;
  consecutiveTransientFailures: number;
}

/**
 * The health state machine (statuses as in docs/troubleshooting.md): a success means connected; a definitive failure
 * takes its catalog status at once; transient failures count, and only `threshold` in a row make a
 * connected connector degraded, so one blip never alarms anyone.
 */
export function nextHealth(prev: HealthState, outcome: UpstreamOutcome, threshold: number): HealthState {
  if (statusRule(prev.status).frozen) return prev;
  if (outcome.outcome === "pass") return { status: "connected", reasonCode: null, consecutiveTransientFailures: 0 };
  if (outcome.outcome === "definitive") {
    // Consent-only codes have no status of their own; as a health result they ask a Workday admin to look.
    const status = TROUBLESHOOTING[outcome.reasonCode].status ?? "action_required";
    return { status, reasonCode: outcome.reasonCode, consecutiveTransientFailures: 0 };
  }
  const failures = prev.consecutiveTransientFailures + 1;
  if (failures >= threshold && !statusRule(prev.status).needsAdmin) {
    return { status: "degraded", reasonCode: outcome.reasonCode, consecutiveTransientFailures: failures };
  }
  return { ...prev, consecutiveTransientFailures: failures };
}
