import { GROUP_MINUTES } from "@wc/workday";
import type { Store, StoredActivityRow, SyncStatePatch } from "../store/types";
import { MINUTE, planAlerts, spanOf, type Named } from "./alert-plan";
import type { LivePolicy, PolicyMatcher } from "./policy-matcher";
import type { AlertEpisode, AlertExtension, NewAlert, AlertRecord, AlertWrites, KeptMatch, PolicyMatch, PolicyRecord } from "./policy-store";
import { policyVersion } from "./policies";

/** Kept matches are dropped this long behind the newest: the longest threshold is a day. */
const KEEP_MS = 2 * 1440 * MINUTE;
/**
 * Rows added to open alerts are recorded with each page and applied to the alerts every this many
 * pages, and with the window's last page: an alert's count and last row trail a backfill by at
 * most this many pages, and each open alert is rewritten once per this many pages, not on each.
 */
export const APPLY_EXTENSIONS_EVERY = 8;

export interface PageDeps {
  store: Pick<Store, "commitActivityPage" | "storedRowKeys" | "keptMatches" | "recentAlerts" | "alertStatusChanges" | "applyAlertExtensions">;
  policies: PolicyMatcher;
  now: () => Date;
  /** Told of each new alert once it is stored (metrics). */
  onRaised?: (a: AlertRecord) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();
/**
 * A history match with its time parsed once, not on every page it is counted in, and whether this
 * window has put it in an alert (then a later page need not send it to that alert again).
 */
type Held = PolicyMatch & { t: number; alerted: boolean };
const held = (m: PolicyMatch): Held => ({ ...m, t: Date.parse(m.requestTime), alerted: false });
const heldKey = (policyId: string, rowKey: string) => `${policyId}\u0000${rowKey}`;

/** An open alert's span once these rows are in it. */
function spanAfter(a: AlertEpisode, rows: readonly { requestTime: string }[]): AlertEpisode {
  let { firstRowAt, lastRowAt } = a;
  for (const r of rows) {
    if (r.requestTime < firstRowAt) firstRowAt = r.requestTime;
    if (r.requestTime > lastRowAt) lastRowAt = r.requestTime;
  }
  return { ...a, firstRowAt, lastRowAt };
}
const episodeOf = (a: AlertEpisode): AlertEpisode => ({
  id: a.id,
  policyId: a.policyId,
  account: a.account,
  status: a.status,
  firstRowAt: a.firstRowAt,
  lastRowAt: a.lastRowAt,
});
/** An alert's span widened to cover another's (the same alert as this window will have applied it). */
const spanWith = (a: AlertEpisode, b: AlertEpisode) => spanAfter(a, [{ requestTime: b.firstRowAt }, { requestTime: b.lastRowAt }]);

/**
 * The history of the (policy, account) groups this page matched: a group without a fresh match
 * can only form bursts made of history, which decide nothing. On a dense log most groups are idle
 * on any one page, and their history would be sorted and scanned again on every page for nothing.
 */
function ofGroups(history: Held[], fresh: readonly PolicyMatch[]): Held[] {
  const groups = new Set<string>();
  for (const m of fresh) groups.add(heldKey(m.policyId, m.account));
  return history.filter((m) => groups.has(heldKey(m.policyId, m.account)));
}

/**
 * Stores one sync window's pages with the alerts their rows raise (docs/policies.md), one page at a
 * time, in order. Each page is matched against the policies enabled for the connector when it
 * arrives; matches of rows stored before (a re-fetched page, a re-sync) count for nothing. What the
 * matches decide (alerts opened, rows recorded for open alerts, their events, the threshold history
 * to keep) is committed in the page's own transaction: a crash loses both or neither, and a retry
 * decides the same alerts under the same keys. Recorded rows are applied to their alerts every
 * APPLY_EXTENSIONS_EVERY pages and with the window's last page. The threshold history of the pages before is held here, read
 * from the store once per window; it is always what the store holds, because only this window
 * writes it and history kept under an earlier version of a policy counts for nothing.
 */
export function alertSession(d: PageDeps, c: Named) {
  /** Per threshold policy: the version the history belongs to, and its matches in time order. */
  const history = new Map<string, { version: string; matches: Held[] }>();
  /** History is complete from this time on (null: nothing read yet). */
  let heldFrom: number | null = null;
  /** Open alerts this window added rows to that are recorded but not yet applied: their spans as they will be. */
  const extended = new Map<string, AlertEpisode>();
  /** Pages committed since the extensions were last applied. */
  let unapplied = 0;
  /** Entries an earlier window left (a crash, a stop) are applied before this one decides anything. */
  let started = false;

  /**
   * The connector's recent alerts as this window sees them: read once, then kept with what the
   * window raises and extends, so a dense log's hundreds of alerts are not read again on every
   * page. Only this window writes the connector's alerts (the sync's lease); a user's resolve,
   * dismiss or reopen moves the status-change count, and then they are read again, as they are
   * when a page reaches back before them.
   */
  let recent: { from: number; changes: number; alerts: Map<string, AlertEpisode> } | null = null;

  async function recentFrom(from: number): Promise<AlertEpisode[]> {
    const fromIso = iso(from);
    // Counted before the read: a change between the two is seen by the next page.
    const changes = await d.store.alertStatusChanges(c.id);
    if (!recent || from < recent.from || changes !== recent.changes) {
      const stored = await d.store.recentAlerts(c.id, fromIso);
      const alerts = new Map<string, AlertEpisode>();
      // With the spans of the alerts this window extended since the last apply.
      for (const a of stored) {
        const e = extended.get(a.id);
        alerts.set(a.id, e ? spanWith(a, e) : a);
      }
      for (const e of extended.values()) if (!alerts.has(e.id) && e.lastRowAt >= fromIso) alerts.set(e.id, e);
      recent = { from, changes, alerts };
    }
    const out: AlertEpisode[] = [];
    for (const [id, a] of recent.alerts) {
      if (a.lastRowAt >= fromIso) out.push(a);
      else recent.alerts.delete(id);
    }
    recent.from = from;
    return out;
  }

  async function historyFrom(from: number, counting: PolicyRecord[]): Promise<Held[]> {
    for (const [id, h] of history) {
      const p = counting.find((x) => x.id === id);
      if (!p || policyVersion(p) !== h.version) history.delete(id);
    }
    if (heldFrom === null || from < heldFrom) {
      const kept = await d.store.keptMatches(
        c.id,
        iso(from),
        counting.map((p) => ({ id: p.id, version: policyVersion(p) })),
      );
      history.clear();
      for (const p of counting) history.set(p.id, { version: policyVersion(p), matches: kept.filter((m) => m.policyId === p.id).map(held) });
      heldFrom = from;
    }
    const out: Held[] = [];
    for (const p of counting) {
      for (const m of history.get(p.id)?.matches ?? []) if (m.t >= from) out.push(m);
    }
    return out;
  }

  function remember(kept: PolicyMatch[], counting: PolicyRecord[], keepFrom: number, alerted: { keys: ReadonlySet<string>; from: number }) {
    const byPolicy = new Map<string, Held[]>();
    for (const m of kept) {
      const list = byPolicy.get(m.policyId);
      if (list) list.push(held(m));
      else byPolicy.set(m.policyId, [held(m)]);
    }
    for (const p of counting) {
      let h = history.get(p.id);
      if (!h) history.set(p.id, (h = { version: policyVersion(p), matches: [] }));
      // Held in time order; pages mostly arrive in time order too, so this is a trim and an append.
      let lo = 0;
      while (lo < h.matches.length && (h.matches[lo]?.t ?? Infinity) < keepFrom) lo++;
      const matches = lo > 0 ? h.matches.slice(lo) : h.matches;
      const mine = (byPolicy.get(p.id) ?? []).sort((a, b) => a.t - b.t);
      const tail = matches.at(-1);
      const head = mine[0];
      if (tail && head && head.t < tail.t) h.matches = [...matches, ...mine].sort((a, b) => a.t - b.t);
      else h.matches = matches.concat(mine);
      for (let i = h.matches.length - 1; i >= 0 && alerted.keys.size > 0; i--) {
        const m = h.matches[i];
        if (!m || m.t < alerted.from) break;
        if (!m.alerted && alerted.keys.has(heldKey(m.policyId, m.rowKey))) m.alerted = true;
      }
    }
    // Complete from a time on only once read from the store: a window without thresholds read nothing.
    if (heldFrom !== null) heldFrom = Math.max(heldFrom, keepFrom);
  }

  async function decide(live: LivePolicy[], matches: PolicyMatch[]): Promise<{ writes: AlertWrites; raised: AlertRecord[]; done: () => void } | null> {
    const times = matches.map((m) => m.requestTime).sort();
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
      history: counting.length > 0 ? ofGroups(await historyFrom(from, counting), fresh) : [],
      recent: await recentFrom(from),
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
    // Held for the next page only once the page is committed; a failed commit drops nothing held.
    const alerted = { keys: new Set<string>(), from: Infinity };
    if (counting.length > 0) {
      for (const ch of plan.changes) {
        if (!policies.get(ch.alert.policyId)?.threshold) continue;
        for (const r of ch.rows) {
          alerted.keys.add(heldKey(ch.alert.policyId, r.rowKey));
          alerted.from = Math.min(alerted.from, Date.parse(r.requestTime));
        }
      }
    }
    return {
      writes,
      raised: plan.raised,
      done: () => {
        remember(keep, counting, Date.parse(last) - lookback, alerted);
        for (const s of spans) {
          const before = extended.get(s.id);
          extended.set(s.id, before ? spanWith(before, s) : s);
          const heldSpan = recent?.alerts.get(s.id);
          recent?.alerts.set(s.id, heldSpan ? spanWith(heldSpan, s) : s);
        }
        for (const { alert: a } of created) recent?.alerts.set(a.id, episodeOf(a));
      },
    };
  }

  return {
    /** Commits one page of the window, with its alerts. */
    /**
     * Commits one page of the window, with its alerts. `more`: pages of this window follow, so the
     * rows it adds to open alerts may wait to be applied with a later page (the last one applies them).
     */
    async storePage(rows: StoredActivityRow[], checkpoint: SyncStatePatch, o: { more?: boolean } = {}): Promise<{ inserted: number; raised: AlertRecord[] }> {
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
      const { inserted } = await d.store.commitActivityPage(c.id, rows, checkpoint, writes);
      decided?.done();
      if (apply) {
        extended.clear();
        unapplied = 0;
      } else if (recorded) unapplied++;
      if (!decided) return { inserted, raised: [] };
      for (const a of decided.raised) d.onRaised?.(a);
      return { inserted, raised: decided.raised };
    },
  };
}

export type AlertSession = ReturnType<typeof alertSession>;
