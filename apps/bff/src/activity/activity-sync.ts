import type { SyncSettings } from "@wc/contracts";
import {
  activityLoggingUrl,
  advanceCursor,
  nextPollAt,
  offsetRefused,
  pageAfter,
  pageRequest,
  PASS,
  planWindow,
  startCursor,
  statusRule,
  type AnchorTotal,
  type CursorStep,
  type PagingCursor,
  type ReasonCode,
  type UpstreamOutcome,
} from "@wc/workday";
import type { ConnectorRecord, StoredActivityRow, SyncRun, SyncStatePatch } from "../store/types";
import { SYNC_ACTOR, type ActivityDeps } from "./activity-deps";
import { fetchActivityPage, type PageFetch, type PageFetchContext } from "./activity-page-fetch";
import { effectiveSettings, withKeys } from "./activity-rows";
import { moveHealth } from "../health";
import { alertSession } from "../policies";
import { isLeaseLost, type LeaseFence } from "../platform/store/leases";

/** "lost": another owner holds the sync's lease now (a page's commit found it taken over). */
export type WindowResult = "idle" | "finished" | "stopped" | "lost";

/** A fetched page with its rows already keyed (keying happens as the page arrives). */
type Keyed = Exclude<PageFetch, { kind: "page" }> | { kind: "page"; rows: StoredActivityRow[]; total: number | null };

/**
 * Starts (or resumes) the connector's due window and runs it to its end: a pending re-sync first,
 * then the next backfill/incremental window once `nextSyncAt` has come. A run persisted by an
 * earlier process resumes from its stored cursor.
 */
export async function runDueWindow(d: ActivityDeps, id: string, signal: AbortSignal, fence?: LeaseFence): Promise<WindowResult> {
  const c = await d.store.getConnector(id);
  if (!c?.connectedAt || !statusRule(c.status).syncs) return "idle";
  const state = await d.store.getSyncState(id);
  const settings = effectiveSettings(state, d.activity.defaults);
  let run = state?.run ?? null;
  const now = d.now();
  // A run stopped by a failure waits for its retry time; one cut short by a restart is due at once.
  if (run && state?.nextSyncAt && Date.parse(state.nextSyncAt) > now.getTime()) return "idle";
  if (!run) {
    if (state?.pendingResync) {
      const { from, to } = state.pendingResync;
      run = newRun("resync", Date.parse(from), Math.ceil(Date.parse(to) / 1000) * 1000, c.connectedAt, now, d.activity.offsetCeiling);
    } else if (!state?.nextSyncAt || Date.parse(state.nextSyncAt) <= now.getTime()) {
      const w = planWindow({
        now,
        connectedAt: c.connectedAt,
        coveredUntil: state?.coveredUntil ?? null,
        checkpointConnectedAt: state?.checkpointConnectedAt ?? null,
        settings,
      });
      if (!w) {
        await d.store.saveSyncState(id, { nextSyncAt: nextPollAt(now, settings).toISOString() });
        return "idle";
      }
      run = newRun(w.kind, w.fromMs, w.toMs, c.connectedAt, now, d.activity.offsetCeiling);
    } else return "idle";
    // A re-sync clears the wait for the next poll too, so a restart resumes it at once.
    await d.store.saveSyncState(id, { run, ...(run.kind === "resync" ? { pendingResync: null, nextSyncAt: null } : {}) });
  }
  return runWindow(d, c, run, settings, signal, state?.lastSyncAt ?? null, fence);
}

function newRun(kind: SyncRun["kind"], fromMs: number, toMs: number, connectedAt: string, now: Date, ceiling: number): SyncRun {
  const cursor = startCursor(fromMs, toMs, ceiling);
  return { kind, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), startedAt: now.toISOString(), connectedAt, rows: 0, cursor };
}

/**
 * Pages through one window. The next page is requested before the current one is stored (and,
 * with two requests in flight, the one after it), and a page is decided while the one before it
 * commits (alert-session.ts), so Workday's time, this thread's and the store's overlap; at most
 * four pages are held in memory. Each page's rows and
 * the cursor after it are committed in one transaction, in order, so a kill at any point loses
 * nothing and a restart stores nothing twice. The window returns only once its last commit settled.
 */
async function runWindow(
  d: ActivityDeps,
  c: ConnectorRecord,
  run: SyncRun,
  settings: SyncSettings,
  signal: AbortSignal,
  lastSyncAt: string | null,
  fence: LeaseFence | undefined,
): Promise<WindowResult> {
  let activityUrl: string;
  try {
    activityUrl = activityLoggingUrl(c.restApiEndpoint ?? "");
  } catch {
    await stop(d, c.id, "rest_endpoint_not_found", "The Workday REST API Endpoint does not end in /ccx/api/v1/<tenant>.", settings);
    return "stopped";
  }
  let healthDirty = c.consecutiveTransientFailures > 0 || c.status === "degraded";
  const ctx: PageFetchContext = {
    connectorId: c.id,
    activityUrl,
    environment: c.environment,
    signal,
    onTransient: async (reasonCode: ReasonCode, detail: string) => {
      healthDirty = true;
      await recordHealth(d, c.id, { outcome: "transient", reasonCode }, detail);
    },
  };
  const limit = d.activity.pageSize;
  // Never rejects: a prefetch still in flight when the run ends must not become an unhandled rejection.
  const fetchAt = (cur: PagingCursor, x = ctx): Promise<Keyed> =>
    fetchActivityPage(d, x, pageRequest(cur, limit))
      .then((got): Keyed => (got.kind === "page" ? { ...got, rows: withKeys(got.rows) } : got))
      .catch((err: unknown): Keyed => {
        d.log.error({ connectorId: c.id, err }, "activity page fetch failed unexpectedly");
        return { kind: "aborted" };
      });
  const pages = alertSession(
    {
      store: d.store,
      policies: d.policies,
      now: d.now,
      onRaised: (a) => d.metrics.alertRaised(a.severity),
      onStored: (inserted) => d.metrics.activityRowsStored(inserted),
      ...(fence ? { fence } : {}),
    },
    c,
  );
  let cursor = run.cursor;
  let rows = run.rows;
  let pending = fetchAt(cursor);
  /**
   * The page after the one requested, asked for before that one arrives when its request is
   * certain: the same anchor, the next offset within the ceiling and below the anchor's total. So
   * Workday works on a page while this thread reads the one before.
   */
  let ahead: { request: string; page: Promise<Keyed>; cancel: AbortController } | null = null;
  let counted: AnchorTotal | null = null;
  const requestOf = (cur: PagingCursor) => JSON.stringify(pageRequest(cur, limit));
  /** Takes the page asked for ahead out of `ahead`: its request and answer, or null. */
  const takeAhead = () => {
    const own = ahead;
    ahead = null;
    return own;
  };
  /** The page at `cur`: the one asked for ahead when it is that page, else a new request. */
  const next = (cur: PagingCursor): Promise<Keyed> => {
    const own = takeAhead();
    // Asked ahead and not answered with a page: asked again now, where a failure counts as usual.
    if (own?.request === requestOf(cur)) return own.page.then((got) => (got.kind === "aborted" && !signal.aborted ? fetchAt(cur) : got));
    own?.cancel.abort();
    return fetchAt(cur);
  };
  const lookAhead = (cur: PagingCursor) => {
    const guess = d.activity.requestsInFlight > 1 ? pageAfter(cur, limit, counted) : null;
    if (!guess) return;
    const cancel = new AbortController();
    ahead = { request: requestOf(guess), page: fetchAt(guess, { ...ctx, signal: AbortSignal.any([signal, cancel.signal]), once: true }), cancel };
  };
  // Keys of the last page's rows at or after a new anchor: a re-anchored page starts with them again.
  let boundary: Set<string> | null = null;
  try {
    for (;;) {
      const got = await pending;
      if (got.kind === "page") counted = { anchorMs: cursor.anchorMs, total: got.total };
      // Whatever comes next is written after the page in flight, and its failure is this window's.
      if (got.kind !== "page" && got.kind !== "reanchor") await pages.flush();
      if (got.kind === "aborted") return "stopped";
      if (got.kind === "later") {
        await d.store.saveSyncState(c.id, {
          lastError: errorOf(d, got.reasonCode, got.detail),
          nextSyncAt: new Date(d.now().getTime() + got.waitMs).toISOString(),
        });
        return "stopped";
      }
      if (got.kind === "stop") {
        await recordHealth(d, c.id, { outcome: "definitive", reasonCode: got.reasonCode }, got.detail);
        await stop(d, c.id, got.reasonCode, got.detail, settings);
        return "stopped";
      }
      const step: CursorStep =
        got.kind === "reanchor"
          ? offsetRefused(cursor)
          : advanceCursor(cursor, { count: got.rows.length, total: got.total, lastRowTime: got.rows.at(-1)?.requestTime ?? null }, limit);
      if (step.kind === "stuck") {
        await pages.flush();
        await stop(d, c.id, "activity_window_stuck", step.problem, settings);
        return "stopped";
      }
      // While this page is stored, Workday serves the next one and this thread parses and keys it.
      if (step.kind === "next") {
        pending = next(step.cursor);
        lookAhead(step.cursor);
      }
      let stored: StoredActivityRow[] = [];
      if (got.kind === "page") {
        stored = got.rows;
        if (boundary) {
          const seen = boundary;
          stored = stored.filter((r) => !seen.has(r.key));
        }
        boundary = step.kind === "next" && step.cursor.offset === 0 ? keysFrom(stored, step.cursor.anchorMs) : null;
        if (healthDirty) {
          healthDirty = false;
          await recordHealth(d, c.id, PASS, null);
        }
      }
      rows += stored.length;
      const checkpoint = step.kind === "next" ? { run: { ...run, rows, cursor: step.cursor } } : finish(d, run, rows, settings, lastSyncAt);
      await pages.queuePage(stored, checkpoint, { more: step.kind === "next" });
      if (step.kind === "done") {
        await pages.flush();
        return "finished";
      }
      cursor = step.cursor;
      if (signal.aborted) {
        await pages.flush();
        return "stopped";
      }
    }
  } catch (e) {
    // Another replica took the sync over while this one stalled: its pages are that replica's now.
    if (!isLeaseLost(e)) throw e;
    d.log.warn({ connectorId: c.id, lease: fence?.key }, "activity sync lease passed to another owner; this window stops without writing");
    return "lost";
  } finally {
    takeAhead()?.cancel.abort();
    // A window that ends by throwing still leaves no commit running after it (its lease ends with it).
    await pages.flush().catch(() => undefined);
  }
}

const keysFrom = (rows: StoredActivityRow[], anchorMs: number) => new Set(rows.filter((r) => Date.parse(r.requestTime) >= anchorMs).map((r) => r.key));

const errorOf = (d: ActivityDeps, reasonCode: string, detail: string | null) => ({ reasonCode, at: d.now().toISOString(), detail });

/**
 * The patch that closes a window: the checkpoint moves to its end. A re-sync leaves the checkpoint
 * alone and puts back the poll schedule it cleared (polling early would move the checkpoint).
 */
function finish(d: ActivityDeps, run: SyncRun, rows: number, settings: SyncSettings, lastSyncAt: string | null): SyncStatePatch {
  const now = d.now();
  const at = now.toISOString();
  const seconds = Math.max((now.getTime() - Date.parse(run.startedAt)) / 1000, 0.001);
  const window = {
    kind: run.kind === "resync" ? "resync" : "backfill",
    from: run.from,
    to: run.to,
    coveredUntil: run.to,
    rows,
    rowsPerSecond: Math.round(rows / seconds),
    startedAt: run.startedAt,
    finishedAt: at,
  } as const;
  if (run.kind === "resync") {
    const nextSyncAt = lastSyncAt === null ? null : nextPollAt(new Date(lastSyncAt), settings).toISOString();
    return { run: null, lastError: null, lastWindow: window, nextSyncAt };
  }
  return {
    run: null,
    lastError: null,
    coveredUntil: run.to,
    checkpointConnectedAt: run.connectedAt,
    lastSyncAt: at,
    nextSyncAt: nextPollAt(now, settings).toISOString(),
    ...(run.kind === "backfill" ? { lastWindow: window } : {}),
  };
}

/** The run stays stored (it resumes once fixed); the next attempt comes after a poll interval. */
async function stop(d: ActivityDeps, id: string, reasonCode: string, detail: string, settings: SyncSettings) {
  d.log.warn({ connectorId: id, reasonCode, detail }, "activity sync stopped");
  await d.store.saveSyncState(id, { lastError: errorOf(d, reasonCode, detail), nextSyncAt: nextPollAt(d.now(), settings).toISOString() });
}

/**
 * Moves the connector's health like a check would (same state machine, same counter). A success
 * only clears transient trouble: a connector waiting for an admin or a Workday admin stays so
 * until its checks pass, since activity alone does not prove every prerequisite.
 */
async function recordHealth(d: ActivityDeps, id: string, outcome: UpstreamOutcome, detail: string | null) {
  const fresh = await d.store.getConnector(id);
  if (!fresh || !statusRule(fresh.status).syncs) return;
  if (outcome.outcome === "pass" && statusRule(fresh.status).needsAdmin) return;
  await moveHealth(d, fresh, outcome, SYNC_ACTOR, detail);
}
