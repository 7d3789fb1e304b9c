import type { CheckResult } from "@wc/contracts";
import { backoffDelayMs, nextHealth, parseRetryAfter, PASS, sandboxAwareCheckAt, statusRule, type HealthState, type UpstreamOutcome } from "@wc/workday";
import { AppError } from "../platform/http/app-error";
import type { ConnectorPatch, ConnectorRecord } from "../store/types";
import { loadConnector, recordConsentingAccount } from "../connectors";
import { statusEvents } from "../notifications";
import { runCheckSequence, type CheckRun } from "./health-checks";
import type { TokenService, WorkdayDeps } from "../workday";
import { holdLease, type LeaseDeps } from "../platform/background/leased";
import type { Metrics } from "../platform/metrics/metrics";
import { recordChecks } from "./check-metrics";

export interface HealthOptions {
  intervalMs: number;
  degradedAfter: number;
  /** Healthy outcomes in a row before a recovery is announced (NOTIFY_RECOVERED_AFTER). */
  recoveredAfter: number;
  backoffBaseMs: number;
  /** Checks in flight at once during a round (HEALTH_CHECK_CONCURRENCY). */
  concurrency: number;
  random?: () => number;
}

/** Checks call Workday with the connector's tokens and claim due connectors under leases. */
export interface HealthDeps extends WorkdayDeps, Omit<LeaseDeps, "store"> {
  tokens: TokenService;
  health: HealthOptions;
  metrics: Metrics;
}

/** What moving a connector's status needs (the activity sync moves it too). */
export interface StatusMoveDeps extends Pick<WorkdayDeps, "store" | "now" | "log"> {
  health: Pick<HealthOptions, "degradedAfter" | "recoveredAfter">;
}

/** How long after Workday's weekly sandbox refresh a sandbox connector is checked. */
export const AFTER_SANDBOX_REFRESH_MS = 30 * 60_000;

/** A replica that dies mid-check loses the connector after this long; a live one renews it. */
const HEALTH_LEASE_MS = 2 * 60_000;

/**
 * Runs the checks for one connector and moves its status: success → connected; a definitive
 * failure → its catalog status at once; transient failures → degraded only after several in a
 * row. Tokens are never dropped here. Every status change lands on the timeline.
 */
export async function runChecks(d: HealthDeps, id: string, actor: string, onResult: (r: CheckResult) => void = () => undefined) {
  const c = await loadConnector(d, id);
  if (!statusRule(c.status).checkable) {
    throw new AppError(409, "not_ready", "Connect this connector to Workday before running checks.");
  }
  const { runs, consentRow } = await runCheckSequence(d, c, (r) => onResult(r.result));
  recordChecks(d.metrics, runs);
  if (consentRow && c.connectedAt) {
    const name = await d.store.findAccountName(c.id, consentRow.systemAccount);
    const rec = { found: true, account: consentRow.systemAccount, name, at: consentRow.requestTime, source: "health_check" } as const;
    await recordConsentingAccount(d, c.id, c.connectedAt, rec);
  }
  const updated = await applyResults(d, c, runs, actor);
  return { connector: updated, checks: runs.map((r) => r.result) };
}

async function applyResults(d: HealthDeps, c: ConnectorRecord, runs: CheckRun[], actor: string): Promise<ConnectorRecord> {
  // A definitive failure says more than an outage; the first of either kind decides.
  const failed = runs.find((r) => r.outcome.outcome === "definitive") ?? runs.find((r) => r.outcome.outcome === "transient");
  const outcome = failed?.outcome ?? PASS;
  const fresh = (await d.store.getConnector(c.id)) ?? c;
  return moveHealth(d, fresh, outcome, actor, failed?.result.detail ?? null, (next, now) => ({
    lastChecks: runs.map((r) => r.result),
    lastCheckAt: now.toISOString(),
    nextCheckAt: nextCheckAt(d, fresh.environment, next.status, next.consecutiveTransientFailures, failed, now),
  }));
}

/**
 * The one place a connector's health status moves (checks and activity sync alike): the state
 * machine decides, the change and its timeline entry are stored together, and it is logged.
 */
export async function moveHealth(
  d: StatusMoveDeps,
  fresh: ConnectorRecord,
  outcome: UpstreamOutcome,
  actor: string,
  detail: string | null,
  extra: (next: HealthState, now: Date) => ConnectorPatch = () => ({}),
): Promise<ConnectorRecord> {
  const next = nextHealth(
    { status: fresh.status, reasonCode: fresh.reasonCode, consecutiveTransientFailures: fresh.consecutiveTransientFailures },
    outcome,
    d.health.degradedAfter,
  );
  const now = d.now();
  const at = now.toISOString();
  const changed = next.status !== fresh.status || next.reasonCode !== fresh.reasonCode;
  const patch: ConnectorPatch = {
    // Only when they move: a write that leaves them alone lets the list keep its shared answers.
    ...(changed ? { status: next.status as ConnectorRecord["status"], reasonCode: next.reasonCode } : {}),
    consecutiveTransientFailures: next.consecutiveTransientFailures,
    lastErrorDetail: outcome.outcome === "pass" ? null : detail,
    updatedAt: at,
    ...extra(next, now),
  };
  if (outcome.outcome === "pass") patch.lastSuccessAt = at;
  const timeline = changed ? { at, from: fresh.status, to: patch.status ?? fresh.status, reasonCode: next.reasonCode, actor } : undefined;
  if (changed) d.log.info({ connectorId: fresh.id, from: fresh.status, to: next.status, reasonCode: next.reasonCode, actor }, "connector status changed");
  // The announcement rides in the same update: a crash cannot separate the change from its event.
  const notice = statusEvents(
    fresh,
    { status: patch.status ?? fresh.status, reasonCode: next.reasonCode, healthy: outcome.outcome === "pass" },
    d.health.recoveredAfter,
    now,
  );
  return (await d.store.updateConnector(fresh.id, { ...patch, ...notice.patch }, timeline, notice.events)) ?? fresh;
}

/**
 * Healthy and action-required connectors come back on the interval (a sandbox's also shortly after
 * Workday's weekly refresh); transient trouble backs off; relink waits for an admin.
 */
function nextCheckAt(
  d: HealthDeps,
  environment: ConnectorRecord["environment"],
  status: string,
  failures: number,
  failed: CheckRun | undefined,
  now: Date,
): string | null {
  if (!statusRule(status).scheduled) return null;
  if (failed?.outcome.outcome !== "transient") {
    const regular = new Date(now.getTime() + d.health.intervalMs);
    return (environment === "sandbox" ? sandboxAwareCheckAt(regular, now, AFTER_SANDBOX_REFRESH_MS) : regular).toISOString();
  }
  const backoff = backoffDelayMs(failures, { baseMs: d.health.backoffBaseMs, maxMs: d.health.intervalMs, random: d.health.random ?? Math.random });
  const retryAfter = parseRetryAfter(failed.retryAfter, now) ?? 0;
  return new Date(now.getTime() + Math.max(backoff, retryAfter)).toISOString();
}

/** Connectors claimed per trip to the store: a few per worker, so claiming is rare but no replica hoards a round. */
const CLAIMS_PER_WORKER = 4;

/**
 * One round: every connector due when the round starts is checked, `health.concurrency` at a time
 * (HEALTH_CHECK_CONCURRENCY), each isolated: one failing tenant neither throws out of the round nor
 * delays the others beyond its own timeout. Due connectors are claimed in small batches with a
 * lease (`health:<id>`), so with several replicas each connector is checked by exactly one and
 * the replicas share the round. Connectors that come due again during the round (a transient
 * failure's short backoff) wait for the next round, so a round always ends.
 */
export async function runDueChecks(d: HealthDeps, stopping?: AbortSignal): Promise<number> {
  const concurrency = Math.max(1, d.health.concurrency);
  const roundStart = d.now();
  const queue: string[] = [];
  let drained = false;
  let claiming: Promise<void> | null = null;
  let ran = 0;
  // One claim at a time refills the shared queue; workers that find it empty wait for that claim.
  const refill = async () => {
    let ids: string[] = [];
    try {
      ids = await d.store.claimDue("health", d.owner, concurrency * CLAIMS_PER_WORKER, HEALTH_LEASE_MS, d.now(), roundStart);
    } catch (e) {
      // The checks in flight finish; the rest wait for the next tick's round.
      d.log.error({ err: e }, "health round could not claim due connectors; ending it early");
    }
    if (ids.length === 0) drained = true;
    queue.push(...ids);
    // Let requests waiting on the event loop in between batches: a round must not starve the web.
    await new Promise<void>((r) => setImmediate(r));
  };
  const take = async (): Promise<string | undefined> => {
    while (queue.length === 0 && !drained && !stopping?.aborted) {
      claiming ??= refill().finally(() => (claiming = null));
      await claiming;
    }
    return queue.shift();
  };
  const worker = async () => {
    for (let id = await take(); id !== undefined; id = await take()) {
      const key = `health:${id}`;
      if (stopping?.aborted) {
        await d.store.releaseLease(key, d.owner);
        continue;
      }
      await holdLease(d, key, HEALTH_LEASE_MS, async () => {
        const c = await d.store.getConnector(id);
        if (!c || !statusRule(c.status).scheduled) return;
        ran += 1;
        try {
          await runChecks(d, c.id, "health check");
        } catch (e) {
          d.log.error({ connectorId: c.id, err: e }, "scheduled health check failed");
        }
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // One line per round that did something: how long a round takes is what tells whether the
  // interval and HEALTH_CHECK_CONCURRENCY suit the number of connectors.
  if (ran > 0) d.log.info({ checked: ran, ms: d.now().getTime() - roundStart.getTime(), concurrency }, "health round finished");
  return ran;
}
