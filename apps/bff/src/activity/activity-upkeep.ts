import { parseWorkersPage, retentionCutoff, statusRule, workersUrl, type WorkerAccount } from "@wc/workday";
import type { ActivityDeps } from "./activity-deps";
import { effectiveSettings } from "./activity-rows";
import { authorizedGet, describeResponse } from "../workday";

const WORKERS_PAGE = 100; // Common v1 /workers maximum (docs/workday.md §4b)
const WORKERS_RETRY_MS = 3600_000;
const MAX_WORKER_PAGES = 5000;

/**
 * Refreshes the account list from /workers when due (daily). Failures are logged and retried in
 * an hour; they do not move the connector's status: the workers health check owns that
 * prerequisite, and activity does not need names to be complete.
 */
export async function refreshWorkersIfDue(d: ActivityDeps, id: string, signal: AbortSignal): Promise<void> {
  const state = await d.store.getSyncState(id);
  const now = d.now();
  if (state?.workersNextAt && Date.parse(state.workersNextAt) > now.getTime()) return;
  const c = await d.store.getConnector(id);
  if (!c?.restApiEndpoint || !statusRule(c.status).syncs) return;
  const accounts: WorkerAccount[] = [];
  let offset = 0;
  const api = { ...d, fetch: d.syncFetch };
  for (let page = 0; page < MAX_WORKER_PAGES && !signal.aborted; page++) {
    const got = await authorizedGet(api, id, `${workersUrl(c.restApiEndpoint)}?limit=${WORKERS_PAGE}&offset=${offset}`);
    const parsed = got?.answer.ok && got.answer.status === 200 ? parseWorkersPage(got.answer.body) : null;
    if (!got || !parsed) {
      const detail = !got ? "connector gone" : got.answer.ok ? describeResponse(got.answer.status, got.answer.body) : got.answer.failure.detail;
      d.log.warn({ connectorId: id, detail }, "account list (workers) not refreshed; retrying in an hour");
      await d.store.saveSyncState(id, { workersNextAt: new Date(now.getTime() + WORKERS_RETRY_MS).toISOString() });
      return;
    }
    accounts.push(...parsed.accounts);
    offset += parsed.received;
    if (parsed.received < WORKERS_PAGE || (parsed.total !== null && offset >= parsed.total)) break;
  }
  if (signal.aborted) return;
  await d.store.replaceWorkers(id, accounts, d.now().toISOString());
  await d.store.saveSyncState(id, { workersNextAt: new Date(now.getTime() + d.activity.workersEveryMs).toISOString() });
}

/**
 * Deletes rows past the connector's retention, and closed alerts past the alert retention (with
 * their rows), at most once per `pruneEveryMs`. Open alerts stay however old: they wait for someone.
 */
export async function pruneIfDue(d: ActivityDeps, id: string): Promise<number> {
  const state = await d.store.getSyncState(id);
  const now = d.now();
  if (state?.prunedAt && Date.parse(state.prunedAt) + d.activity.pruneEveryMs > now.getTime()) return 0;
  const cutoff = retentionCutoff(now, effectiveSettings(state, d.activity.defaults)).toISOString();
  const removed = await d.store.pruneActivity(id, cutoff);
  const alertCutoff = new Date(now.getTime() - d.activity.alertRetentionDays * 86_400_000).toISOString();
  const alerts = await d.store.pruneClosedAlerts(id, alertCutoff);
  await d.store.saveSyncState(id, { prunedAt: now.toISOString() });
  if (removed > 0) d.log.info({ connectorId: id, removed, cutoff }, "activity past retention pruned");
  if (alerts > 0) d.log.info({ connectorId: id, alerts, cutoff: alertCutoff }, "closed alerts past retention pruned");
  return removed;
}
