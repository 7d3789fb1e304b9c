import type { ResyncRequest, SyncPhase, SyncProgress, SyncSettings, SyncStatus } from "@wc/contracts";
import { isReasonCode, isTransient, retentionCutoff, statusRule } from "@wc/workday";
import { AppError } from "../platform/http/app-error";
import type { ConnectorRecord, SyncRun, SyncStateRecord } from "../store/types";
import type { ActivityDeps } from "./activity-deps";
import { effectiveSettings } from "./activity-rows";
import type { ActivitySync } from "./activity-scheduler";
import { loadConnector } from "../connectors";

const DAY_MS = 24 * 3600_000;

/** What the connector page shows about activity sync. */
export async function syncStatus(d: ActivityDeps, sync: ActivitySync, id: string): Promise<SyncStatus> {
  const c = await loadConnector(d, id);
  const state = await d.store.getSyncState(id);
  const now = d.now();
  const run = state?.run ?? null;
  const [rowsStored, rowsLast24h, accounts] = await Promise.all([
    d.store.countActivity({ connectorId: id }),
    // Whole seconds, so that pages read in the same second share one count (store/count-cache.ts).
    d.store.countActivity({ connectorId: id, from: new Date(Math.floor(now.getTime() / 1000) * 1000 - DAY_MS).toISOString() }),
    d.store.listWorkers(id),
  ]);
  const inRun = run?.cursor.lastRowTime ?? null;
  const covered =
    [state?.coveredUntil ?? null, inRun]
      .filter((t): t is string => t !== null)
      .sort()
      .at(-1) ?? null;
  return {
    connectorId: id,
    phase: phaseOf(c, state, sync.isRunning(id)),
    coveredUntil: state?.coveredUntil ?? null,
    progress: run && run.kind !== "incremental" ? progressOf(run, now) : (state?.lastWindow ?? null),
    lastSyncAt: state?.lastSyncAt ?? null,
    nextSyncAt: state?.nextSyncAt ?? null,
    lagSeconds: covered === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(covered)) / 1000)),
    rowsLast24h,
    rowsStored,
    lastError: state?.lastError ?? null,
    accounts: { count: accounts.length, refreshedAt: state?.workersRefreshedAt ?? null },
    settings: effectiveSettings(state, d.activity.defaults),
  };
}

function phaseOf(c: ConnectorRecord, s: SyncStateRecord | null, running: boolean): SyncPhase {
  const rule = statusRule(c.status);
  if (!c.connectedAt || rule.frozen) return "idle";
  if (!rule.syncs) return "blocked";
  const runPhase = (r: SyncRun | null): SyncPhase => (r === null || r.kind === "incremental" ? "polling" : "backfilling");
  if (running) return runPhase(s?.run ?? null);
  // The last error stays until a window completes, so it tells why nothing runs right now.
  const error = s?.lastError ?? null;
  if (error) return isReasonCode(error.reasonCode) && isTransient(error.reasonCode) ? "retrying" : "blocked";
  return s?.run ? runPhase(s.run) : "waiting";
}

function progressOf(run: SyncRun, now: Date): SyncProgress {
  const seconds = (now.getTime() - Date.parse(run.startedAt)) / 1000;
  return {
    kind: run.kind === "resync" ? "resync" : "backfill",
    from: run.from,
    to: run.to,
    coveredUntil: run.cursor.lastRowTime ?? run.from,
    rows: run.rows,
    rowsPerSecond: seconds > 0 ? Math.round(run.rows / seconds) : 0,
    startedAt: run.startedAt,
    finishedAt: null,
  };
}

/** Admin: replaces the connector's settings. A shorter poll interval applies from the last sync; a retention change prunes soon. */
export async function updateSyncSettings(d: ActivityDeps, sync: ActivitySync, id: string, settings: SyncSettings, actor: string): Promise<SyncStatus> {
  await loadConnector(d, id);
  const state = await d.store.getSyncState(id);
  const nextSyncAt = state?.lastSyncAt ? new Date(Date.parse(state.lastSyncAt) + settings.pollIntervalMinutes * 60_000).toISOString() : null;
  await d.store.saveSyncState(id, { settings, nextSyncAt, prunedAt: null });
  d.log.info({ connectorId: id, actor, settings }, "activity sync settings changed");
  sync.kick(id);
  return syncStatus(d, sync, id);
}

/** Admin: fetch a window again (missing rows are added; stored rows stay as they are). */
export async function requestResync(d: ActivityDeps, sync: ActivitySync, id: string, window: Required<ResyncRequest>, actor: string): Promise<SyncStatus> {
  const c = await loadConnector(d, id);
  if (!c.connectedAt || c.status === "disconnected") throw new AppError(409, "not_ready", "Connect this connector to Workday before re-syncing.");
  const now = d.now();
  const settings = effectiveSettings(await d.store.getSyncState(id), d.activity.defaults);
  const fields: Record<string, string> = {};
  if (Date.parse(window.to) > now.getTime()) fields.to = "To cannot be in the future.";
  if (Date.parse(window.from) < retentionCutoff(now, settings).getTime()) {
    fields.from = `From is older than the ${settings.retentionDays}-day retention: those rows would be pruned at once.`;
  }
  if (Object.keys(fields).length > 0) throw new AppError(400, "validation_failed", "Some fields need fixing.", fields);
  await d.store.saveSyncState(id, { pendingResync: { from: window.from, to: window.to } });
  d.log.info({ connectorId: id, actor, from: window.from, to: window.to }, "activity re-sync requested");
  sync.kick(id);
  return syncStatus(d, sync, id);
}
