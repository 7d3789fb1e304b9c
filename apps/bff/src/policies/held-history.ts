import { byTimeThenKey } from "@wc/workday";
import { groupKey, type Candidate } from "./alert-plan";
import type { PolicyMatch, PolicyRecord } from "./policy-store";
import { policyVersion } from "./policies";

/** Groups not matched for this many pages are trimmed too (a matched group is trimmed on each page). */
const SWEEP_EVERY = 64;
const iso = (ms: number) => new Date(ms).toISOString();
const candidate = (m: PolicyMatch): Candidate => ({
  policyId: m.policyId,
  rowKey: m.rowKey,
  requestTime: m.requestTime,
  account: m.account,
  history: true,
  alerted: false,
  t: Date.parse(m.requestTime),
  key: m.rowKey,
});

/** Rows the window put in alerts on one page, per group: the keys and the earliest time among them. */
export type AlertedRows = Map<string, { keys: Set<string>; from: number }>;

/**
 * The threshold history a sync window holds (alert-session.ts): per (policy, account) group, the
 * matches of its earlier pages in order of time then key, each with its time parsed once and
 * whether this window has put it in an alert. A page looks up only the groups it matched, and a
 * page's matches are appended, not the whole history sorted again. Read from the store once per
 * window: only this window writes it, and history kept under an earlier version of a policy counts
 * for nothing.
 */
export function heldHistory(load: (from: string, policies: { id: string; version: string }[]) => Promise<PolicyMatch[]>) {
  const groups = new Map<string, Candidate[]>();
  /** The version each threshold policy's held history belongs to. */
  const versions = new Map<string, string>();
  /** Complete from this time on (null: nothing read yet). */
  let heldFrom: number | null = null;
  let pages = 0;

  const dropPolicy = (id: string) => {
    versions.delete(id);
    const prefix = groupKey(id, "");
    for (const g of groups.keys()) if (g.startsWith(prefix)) groups.delete(g);
  };
  const trim = (list: Candidate[], before: number) => {
    let lo = 0;
    while (lo < list.length && (list[lo]?.t ?? Infinity) < before) lo++;
    if (lo > 0) list.splice(0, lo);
  };
  const append = (m: PolicyMatch, unsorted?: Set<Candidate[]>) => {
    const g = groupKey(m.policyId, m.account);
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    const c = candidate(m);
    const tail = list.at(-1);
    if (tail && byTimeThenKey(c, tail) < 0) unsorted?.add(list);
    list.push(c);
    return list;
  };

  return {
    /** The history of the threshold policies `counting`, complete from `from` on, per group. */
    async from(from: number, counting: readonly PolicyRecord[]): Promise<ReadonlyMap<string, readonly Candidate[]>> {
      for (const [id, version] of versions) {
        const p = counting.find((x) => x.id === id);
        if (!p || policyVersion(p) !== version) dropPolicy(id);
      }
      if (heldFrom === null || from < heldFrom) {
        const policies = counting.map((p) => ({ id: p.id, version: policyVersion(p) }));
        const kept = await load(iso(from), policies);
        groups.clear();
        versions.clear();
        for (const p of policies) versions.set(p.id, p.version);
        for (const m of kept) append(m);
        for (const list of groups.values()) list.sort(byTimeThenKey);
        heldFrom = from;
      }
      for (const p of counting) if (!versions.has(p.id)) versions.set(p.id, policyVersion(p));
      return groups;
    },

    /**
     * After the page is committed: its threshold matches join the history, matches before
     * `keepFrom` are dropped, and the rows it put in alerts are marked (a later page need not send
     * them to that alert again).
     */
    remember(kept: readonly PolicyMatch[], keepFrom: number, alerted: AlertedRows) {
      const touched = new Set<Candidate[]>();
      const unsorted = new Set<Candidate[]>();
      for (const m of kept) touched.add(append(m, unsorted));
      for (const list of unsorted) list.sort(byTimeThenKey);
      for (const [g, a] of alerted) {
        const list = groups.get(g) ?? [];
        for (let i = list.length - 1; i >= 0; i--) {
          const m = list[i];
          if (!m || m.t < a.from) break;
          if (!m.alerted && a.keys.has(m.key)) m.alerted = true;
        }
      }
      if (++pages >= SWEEP_EVERY) {
        pages = 0;
        for (const [g, list] of groups) {
          trim(list, keepFrom);
          if (list.length === 0) groups.delete(g);
        }
      } else for (const list of touched) trim(list, keepFrom);
      // Complete from a time on only once read from the store: a window without thresholds read nothing.
      if (heldFrom !== null) heldFrom = Math.max(heldFrom, keepFrom);
    },
  };
}
