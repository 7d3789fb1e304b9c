import type { CheckOutcome, Metrics } from "../platform/metrics/metrics";
import type { CheckRun } from "./health-checks";

/** Counts each check of a run by its outcome, and how long each check that ran took. */
export function recordChecks(metrics: Pick<Metrics, "checkFinished">, runs: CheckRun[]): void {
  for (const r of runs) {
    const outcome: CheckOutcome = r.result.skipped ? "skipped" : r.outcome.outcome;
    metrics.checkFinished(r.result.id, outcome, r.result.skipped ? null : r.result.durationMs / 1000);
  }
}
