import type { SyncSettings } from "@wc/contracts";
import type { FetchLike } from "../platform/outbound/outbound-fetch";
import type { StatusMoveDeps } from "../health";
import type { TokenService, WorkdayDeps } from "../workday";
import type { LeaseDeps } from "../platform/background/leased";
import type { Metrics } from "../platform/metrics/metrics";
import type { PolicyMatcher } from "../policies";

export interface ActivityOptions {
  /** ACTIVITY_* defaults; a connector's own settings override them. */
  defaults: SyncSettings;
  /** Rows per activityLogging request (Workday's maximum is 1000, docs/workday.md §4a). */
  pageSize: number;
  /** Highest offset sent before re-anchoring (Splunk re-anchors near 10,000, docs/workday.md §6). */
  offsetCeiling: number;
  /**
   * Requests in flight per syncing connector: 2 asks for the page after the next one while this
   * process reads a page, when that request is certain (same anchor, within the ceiling and total).
   */
  requestsInFlight: 1 | 2;
  /** Attempts per page before the run ends and is picked up again later. */
  maxAttempts: number;
  backoffBaseMs: number;
  /** A wait longer than this (a long Retry-After) ends the run and schedules the next one instead of holding it. */
  maxInlineWaitMs: number;
  /** How often the account list (/workers) is refreshed. */
  workersEveryMs: number;
  /** How often retention pruning runs per connector. */
  pruneEveryMs: number;
  /** Closed alerts whose last row and closing are older than this many days are deleted with the pruning. */
  alertRetentionDays: number;
  random: () => number;
  /** A replica that dies mid-sync holds the connector this long at most; a live one renews it every third. */
  leaseMs: number;
}

export const DEFAULT_ACTIVITY_OPTIONS: ActivityOptions = {
  defaults: { backfillDays: 7, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 90 },
  pageSize: 1000,
  offsetCeiling: 10_000,
  requestsInFlight: 2,
  maxAttempts: 5,
  backoffBaseMs: 1000,
  maxInlineWaitMs: 60_000,
  workersEveryMs: 24 * 3600_000,
  pruneEveryMs: 3600_000,
  alertRetentionDays: 365,
  random: Math.random,
  leaseMs: 30_000,
};

/** The sync calls Workday with the connector's tokens, runs under leases and moves the connector's status. */
export interface ActivityDeps extends WorkdayDeps, Omit<LeaseDeps, "store">, StatusMoveDeps {
  tokens: TokenService;
  /** Rows stored (docs/metrics.md). */
  metrics: Pick<Metrics, "activityRowsStored" | "alertRaised">;
  activity: ActivityOptions;
  /** The guarded outbound fetch with a response cap sized for full activity pages. */
  syncFetch: FetchLike;
  /** Activity policies, run on every page the sync stores (policies/). */
  policies: PolicyMatcher;
}

export const SYNC_ACTOR = "activity sync";

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
