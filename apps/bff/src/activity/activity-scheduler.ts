import type { SyncStateRecord } from "../store/types";
import { statusRule } from "@wc/workday";
import type { ActivityDeps } from "./activity-deps";
import { runDueWindow } from "./activity-sync";
import { withLease } from "../platform/background/leased";
import type { LeaseFence } from "../platform/store/leases";
import { pruneIfDue, refreshWorkersIfDue } from "./activity-upkeep";
import { settleConsentingAccount } from "./consenting-account-sync";

/** Windows one kick may run back to back (a finished backfill, then a pending re-sync). */
const WINDOWS_PER_KICK = 4;

export interface ActivitySync {
  /** Syncs the connector now; if it is already syncing in this process, once more right after. */
  kick(id: string): void;
  /** After a consent: any retry wait from before is void, so the backfill or catch-up starts at once. */
  connected(id: string): Promise<void>;
  /** One tick of the background loop: kicks every connector with something due. Returns how many. */
  runDue(): Promise<number>;
  isRunning(id: string): boolean;
  /** Resolves once the connector (or every connector) has no sync running in this process. */
  whenIdle(id?: string): Promise<void>;
  /** Stops ticking, asks running syncs to stop after their current page, and waits for them. */
  stop(): Promise<void>;
}

/**
 * Background activity sync. Each connector runs on its own promise, so a tenant that is slow,
 * rate-limited or failing never holds up another; a connector runs at most once at a time in
 * this process, and across replicas at most once thanks to its lease.
 */
export function createActivitySync(d: ActivityDeps): ActivitySync {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const abort = new AbortController();
  const { signal } = abort;

  const syncOnce = async (id: string, stop: AbortSignal, fence: LeaseFence) => {
    for (let i = 0; i < WINDOWS_PER_KICK && !stop.aborted; i++) {
      const result = await runDueWindow(d, id, stop, fence);
      // The connector's upkeep below is the new owner's now, as its pages are.
      if (result === "lost") return;
      if (result !== "finished") break;
    }
    if (!stop.aborted) await refreshWorkersIfDue(d, id, stop);
    // After the account list, so a consent row found now gets its worker name at once.
    if (!stop.aborted) await settleConsentingAccount(d, id);
    if (!stop.aborted) await pruneIfDue(d, id);
  };

  /**
   * Under the connector's `sync:<id>` lease: with several replicas exactly one syncs a connector;
   * a replica that dies stops renewing, and after the lease's TTL another resumes from the
   * checkpoint. A lease another replica took over while this one stalled stops the run before its
   * next page is written: each page's transaction checks the lease (docs/activity.md).
   */
  const syncUnderLease = async (id: string): Promise<boolean> => {
    const key = `sync:${id}`;
    // Pages commit only while this process holds the lease, whatever its renewals have seen so far.
    const r = await withLease(d, key, d.activity.leaseMs, (lost) => syncOnce(id, AbortSignal.any([signal, lost]), { key, owner: d.owner }));
    return r.ran;
  };

  const kick = (id: string) => {
    if (signal.aborted) return;
    if (running.has(id)) {
      again.add(id);
      return;
    }
    const work = (async () => {
      do {
        again.delete(id);
        try {
          if (!(await syncUnderLease(id))) break;
        } catch (err) {
          d.log.error({ connectorId: id, err }, "activity sync failed");
        }
      } while (again.has(id) && !signal.aborted);
    })().finally(() => running.delete(id));
    running.set(id, work);
  };

  // A running or interrupted window keeps nextSyncAt in the past; a failed one sets it ahead.
  const isDue = (s: SyncStateRecord | undefined, now: number) =>
    !s ||
    s.pendingResync !== null ||
    [s.nextSyncAt, s.workersNextAt].some((t) => t === null || Date.parse(t) <= now) ||
    s.prunedAt === null ||
    Date.parse(s.prunedAt) + d.activity.pruneEveryMs <= now;

  const runDue = async () => {
    const now = d.now().getTime();
    const states = new Map((await d.store.listSyncStates()).map((s) => [s.connectorId, s]));
    let kicked = 0;
    for (const c of await d.store.listConnectors()) {
      if (!c.connectedAt || !statusRule(c.status).syncs || running.has(c.id) || !isDue(states.get(c.id), now)) continue;
      kick(c.id);
      kicked++;
    }
    return kicked;
  };

  return {
    kick,
    async connected(id) {
      await d.store.saveSyncState(id, { nextSyncAt: null });
      kick(id);
    },
    runDue,
    isRunning: (id) => running.has(id),
    async whenIdle(id) {
      for (;;) {
        const pending = id === undefined ? [...running.values()] : [running.get(id)].filter((p) => p !== undefined);
        if (pending.length === 0) return;
        await Promise.allSettled(pending);
      }
    },
    async stop() {
      abort.abort();
      await Promise.allSettled([...running.values()]);
    },
  };
}
