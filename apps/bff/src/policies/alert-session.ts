import { GROUP_MINUTES } from "@wc/workday";
import type { Store, StoredActivityRow, SyncStatePatch } from "../store/types";
import { groupKey, MINUTE, planAlerts, spanOf, type Candidate, type Named } from "./alert-plan";
import { heldAlerts, spanAfter, spanWith } from "./held-alerts";
import { heldHistory, type AlertedRows } from "./held-history";
import type { LivePolicy, PolicyMatcher } from "./policy-matcher";
import type { AlertEpisode, AlertExtension, NewAlert, AlertRecord, AlertWrites, KeptMatch, PolicyMatch } from "./policy-store";
import { policyVersion } from "./policies";
import type { LeaseFence } from "../platform/store/leases";

/** Kept matches are dropped this long behind the newest: the longest threshold is a day. */
const KEEP_MS = 2 * 1440 * MINUTE;
/**
 * Rows added to open alerts are recorded with each page and applied to the alerts every this many
 * pages, and with the window's last page: an alert's count and last row trail a backfill by at
 * most this many pages, and each open alert is rewritten once per this many pages, not on each.
 */
export const APPLY_EXTENSIONS_EVERY = 32;

export interface PageDeps {
  store: Pick<Store, "commitActivityPage" | "storedRowKeys" | "keptMatches" | "recentAlerts" | "alertStatusChanges" | "applyAlertExtensions">;
  policies: PolicyMatcher;
  now: () => Date;
  /** Told of each new alert once it is stored (metrics). */
  onRaised?: (a: AlertRecord) => void;
  /** Told how many of a page's rows were new once the page is stored (metrics). */
  onStored?: (inserted: number) => void;
  /** The sync's lease: each page commits only while it is still held (platform/store/leases.ts). */
  fence?: LeaseFence;
}

/** What committing one page did. */
export interface StoredPage {
  inserted: number;
  raised: AlertRecord[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const NO_HISTORY: ReadonlyMap<string, readonly Candidate[]> = new Map();

/**
 * Stores one sync window's pages with the alerts their rows raise (docs/policies.md), one page at a
 * time, in order. Each page is matched against the policies enabled for the connector when it
 * arrives; matches of rows stored before (a re-fetched page, a re-sync) count for nothing. What the
 * matches decide (alerts opened, rows recorded for open alerts, their events, the threshold history
 * to keep) is committed in the page's own transaction: a crash loses both or neither, and a retry
 * decides the same alerts under the same keys. Recorded rows are applied to their alerts every
 * APPLY_EXTENSIONS_EVERY pages and with the window's last page. The threshold history of the
 * pages before (held-history.ts) and the connector's recent alerts (held-alerts.ts) are held here,
 * read from the store once per window.
 *
 * Pages are pipelined: a page is decided while the page before it commits, and handed to the store
 * once that commit succeeded, so at most one commit is in flight and a failed one stops the window
 * before anything after it is written. What a page decides is held as soon as it is handed over;
 * a read of the store for what is held (a page reaching back, a user's status change) waits for
 * the commit in flight.
 */
export function alertSession(d: PageDeps, c: Named) {
  /** The last page handed to the store, until its commit settles (never rejects unobserved). */
  let inFlight: Promise<StoredPage> | null = null;
  /** Once a commit failed the window's held state may be ahead of the store: nothing more is taken. */
  let failure: Error | null = null;
  const settled = async () => {
    if (inFlight) await inFlight;
  };
  const history = heldHistory(async (from, policies) => {
    await settled();
    return d.store.keptMatches(c.id, from, policies);
  });
  const alerts = heldAlerts(
    {
      alertStatusChanges: (id) => d.store.alertStatusChanges(id),
      recentAlerts: async (id, from) => {
        await settled();
        return d.store.recentAlerts(id, from);
      },
    },
    c.id,
  );
  /** Open alerts this window added rows to that are recorded but not yet applied: their spans as they will be. */
  const extended = new Map<string, AlertEpisode>();
  /** Pages committed since the extensions were last applied. */
  let unapplied = 0;
  /** Entries an earlier window left (a crash, a stop) are applied before this one decides anything. */
  let started = false;

  async function decide(live: LivePolicy[], matches: PolicyMatch[]): Promise<{ writes: AlertWrites; raised: AlertRecord[]; done: () => void } | null> {
    const times = matches.map((m) => m.requestTime).sort();
    // The page in flight is not stored yet: a row it shares with this one is fresh on both, and the
    // plan counts it once (it is held in that page's alert or history by then).
    const stored = await d.store.storedRowKeys(c.id, times[0] ?? "", times.at(-1) ?? "");
    const fresh = stored.size === 0 ? matches : matches.filter((m) => !stored.has(m.rowKey));
    const first = fresh.reduce<string | null>((t, m) => (t === null || m.requestTime < t ? m.requestTime : t), null);
    const last = fresh.reduce<string | null>((t, m) => (t === null || m.requestTime > t ? m.requestTime : t), null);
    if (first === null || last === null) return null;
    const policies = new Map(live.map((p) => [p.record.id, p.record]));
    const counting = live.map((p) => p.record).filter((p) => p.threshold !== null);
    const lookback = Math.max(GROUP_MINUTES * MINUTE, ...live.map((p) => spanOf(p.record)));
    const from = Date.parse(first) - lookback;
    const plan = planAlerts({
      connector: c,
      policies,
      fresh,
      from,
      history: counting.length > 0 ? await history.from(from, counting) : NO_HISTORY,
      recent: await alerts.from(from, extended),
      now: d.now(),
    });
    const keep: KeptMatch[] = [];
    for (const m of fresh) {
      const p = policies.get(m.policyId);
      if (p?.threshold) keep.push({ ...m, version: policyVersion(p) });
    }
    const extend: AlertExtension[] = [];
    const created: NewAlert[] = [];
    for (const ch of plan.changes) {
      if (ch.isNew) created.push(ch);
      else for (const r of ch.rows) extend.push({ alertId: ch.alert.id, rowKey: r.rowKey, requestTime: r.requestTime });
    }
    const writes: AlertWrites = {
      created,
      events: plan.events,
      extend,
      applyExtensions: false,
      keep,
      pruneBefore: iso(Date.parse(first) - KEEP_MS),
    };
    const spans = plan.changes.filter((ch) => !ch.isNew).map((ch) => spanAfter(ch.alert, ch.rows));
    // Held once the page is handed to the store; a failed commit ends the window, and with it what it held.
    const alerted: AlertedRows = new Map();
    if (counting.length > 0) {
      for (const ch of plan.changes) {
        if (!policies.get(ch.alert.policyId)?.threshold) continue;
        const g = groupKey(ch.alert.policyId, ch.alert.account);
        let a = alerted.get(g);
        if (!a) alerted.set(g, (a = { keys: new Set(), from: Infinity }));
        for (const r of ch.rows) {
          a.keys.add(r.rowKey);
          a.from = Math.min(a.from, Date.parse(r.requestTime));
        }
      }
    }
    return {
      writes,
      raised: plan.raised,
      done: () => {
        history.remember(keep, Date.parse(last) - lookback, alerted);
        for (const s of spans) {
          const before = extended.get(s.id);
          extended.set(s.id, before ? spanWith(before, s) : s);
          alerts.extended(s);
        }
        for (const { alert: a } of created) alerts.raised(a);
      },
    };
  }

  /**
   * Decides one page of the window and hands it to the store once the page before it is committed
   * (rejecting with that commit's failure instead). `more`: pages of this window follow, so the
   * rows it adds to open alerts may wait to be applied with a later page (the last one applies them).
   */
  async function queuePage(rows: StoredActivityRow[], checkpoint: SyncStatePatch, o: { more?: boolean } = {}): Promise<void> {
    if (failure !== null) throw failure;
    if (!started) {
      await d.store.applyAlertExtensions(c.id);
      started = true;
    }
    const live = rows.length > 0 ? await d.policies.forConnector(c.id) : [];
    const matches = d.policies.match(live, rows);
    const decided = matches.length > 0 ? await decide(live, matches) : null;
    const recorded = extended.size > 0 || (decided?.writes.extend.length ?? 0) > 0;
    const apply = recorded && (!o.more || unapplied + 1 >= APPLY_EXTENSIONS_EVERY);
    const writes: AlertWrites | undefined = decided
      ? { ...decided.writes, applyExtensions: apply }
      : apply
        ? { created: [], events: [], extend: [], applyExtensions: true, keep: [], pruneBefore: "" }
        : undefined;
    // Rejects with the failure of the page before: then this one is not handed over.
    await settled();
    const done = d.store.commitActivityPage(c.id, rows, checkpoint, writes, d.fence).then(
      ({ inserted }): StoredPage => {
        const raised = decided?.raised ?? [];
        d.onStored?.(inserted);
        for (const a of raised) d.onRaised?.(a);
        return { inserted, raised };
      },
      (e: unknown) => {
        failure = e instanceof Error ? e : new Error(String(e));
        throw failure;
      },
    );
    // Observed here so a failure between two pages is not unhandled; settled() and flush() rethrow it.
    done.catch(() => undefined);
    inFlight = done;
    decided?.done();
    if (apply) {
      extended.clear();
      unapplied = 0;
    } else if (recorded) unapplied++;
  }

  /** Waits for the page handed over last to be committed: what it stored, or its failure. */
  async function flush(): Promise<StoredPage> {
    return inFlight ?? { inserted: 0, raised: [] };
  }

  return {
    queuePage,
    flush,
    /** Commits one page of the window, with its alerts, and waits for it (queuePage, then flush). */
    async storePage(rows: StoredActivityRow[], checkpoint: SyncStatePatch, o: { more?: boolean } = {}): Promise<StoredPage> {
      await queuePage(rows, checkpoint, o);
      return flush();
    },
  };
}

export type AlertSession = ReturnType<typeof alertSession>;
