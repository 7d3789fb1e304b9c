import { hash } from "node:crypto";
import { bursts, byTimeThenKey, GROUP_MINUTES } from "@wc/workday";
import { activityAlertEvent, type OutboxEvent } from "../notifications";
import type { ConnectorRecord } from "../store/types";
import type { AlertChange, AlertEpisode, AlertRecord, PolicyMatch, PolicyRecord } from "./policy-store";

export const MINUTE = 60_000;

export type Named = Pick<ConnectorRecord, "id" | "name" | "tenant" | "environment">;
/**
 * A match, whether it is history (an earlier page's, kept for a threshold) or this page's, with its
 * time parsed once, and whether it is known to be held by an alert already (a history match an
 * earlier page alerted on).
 */
export type Candidate = PolicyMatch & { history: boolean; alerted: boolean; t: number; key: string };
/** An alert, with its first and last row times parsed when the caller holds them so. */
export type TimedEpisode = AlertEpisode & { first?: number; last?: number };
/** An alert with its first and last row times parsed once. */
type Known = { alert: AlertEpisode; first: number; last: number };
const known = (alert: TimedEpisode): Known => ({
  alert,
  first: alert.first ?? Date.parse(alert.firstRowAt),
  last: alert.last ?? Date.parse(alert.lastRowAt),
});

/** Matches and alerts are decided per policy and account: the key of such a group. */
export const groupKey = (policyId: string, account: string) => `${policyId}\u0000${account}`;

/** How far back a policy looks: its threshold's span, or the span that groups matches into one alert. */
export const spanOf = (p: PolicyRecord) => (p.threshold?.withinMinutes ?? GROUP_MINUTES) * MINUTE;

/**
 * The alert's id is derived from its key, so every replica and every retry names it the same. It
 * starts with its first row's time (fixed-width base 36) so that alerts, and their rows, are
 * written in about the order of their keys: a random key would land each one on a different page
 * of the table, every one of them rewritten at the page's commit.
 */
export const alertIdOf = (alertKey: string, firstRowAt: string) =>
  `al_${Math.max(0, Date.parse(firstRowAt)).toString(36).padStart(9, "0")}${hash("sha256", alertKey, "base64url").slice(0, 16)}`;

export interface AlertPlanInput {
  connector: Named;
  policies: ReadonlyMap<string, PolicyRecord>;
  /** This page's matches, of rows stored for the first time. */
  fresh: readonly PolicyMatch[];
  /** Matches before this time, and alerts whose last row is before it, are not considered (the longest span before the first fresh match). */
  from: number;
  /**
   * Per group (groupKey): the threshold policies' earlier matches, history, in order of time then
   * key; `alerted` when the caller knows an alert holds it (an earlier page of the same window put it there).
   */
  history: ReadonlyMap<string, readonly Candidate[]>;
  /** Per group: the connector's alerts, at least those whose last row is at or after `from`. */
  recent: ReadonlyMap<string, readonly TimedEpisode[]>;
  now: Date;
}

export interface AlertPlan {
  changes: AlertChange[];
  events: OutboxEvent[];
  raised: AlertRecord[];
}

/**
 * Decides what a page's matches do (docs/policies.md): per policy and account, the bursts over the
 * page's matches and the history just before them. A burst near an open alert of the same policy
 * and account adds its rows to it; otherwise it is a new alert, keyed by policy, connector, account
 * and its first row, with an `activity.alert` event. Rows within a closed (resolved or dismissed)
 * alert's reach, from the policy's span before its first row to its last row, are left out: activity
 * that goes on after a resolve raises a new alert instead of vanishing into the closed one, and so
 * does activity well before it that a re-sync brings in later. Pure: the same input plans the same
 * alerts, whichever replica or retry plans them.
 */
export function planAlerts(input: AlertPlanInput): AlertPlan {
  const { connector: c, policies, now, from } = input;
  const freshOf = new Map<string, Map<string, Candidate>>();
  for (const m of input.fresh) {
    const g = groupKey(m.policyId, m.account);
    let rows = freshOf.get(g);
    if (!rows) freshOf.set(g, (rows = new Map<string, Candidate>()));
    const { policyId, rowKey, requestTime, account } = m;
    rows.set(rowKey, { policyId, rowKey, requestTime, account, history: false, alerted: false, t: Date.parse(requestTime), key: rowKey });
  }

  const changes: AlertChange[] = [];
  const events: OutboxEvent[] = [];
  const raised: AlertRecord[] = [];
  for (const [g, freshByKey] of freshOf) {
    const sample = freshByKey.values().next().value;
    const policy = sample ? policies.get(sample.policyId) : undefined;
    if (!sample || !policy) continue;
    const span = spanOf(policy);
    const mine: Known[] = [];
    for (const a of input.recent.get(g) ?? []) {
      const k = known(a);
      if (k.last >= from) mine.push(k);
    }
    // In order of last row, then id, however the caller holds them: where a burst is near two open
    // alerts of the same account, every replica and retry picks the same one.
    if (mine.length > 1) mine.sort((x, y) => x.last - y.last || (x.alert.id < y.alert.id ? -1 : 1));
    // A closed alert stands for the activity within its reach: from a span before its first row (a
    // burst there would have joined it) to its last row. Matches there are left out, so late rows do
    // not undo a resolve; activity after it, or well before it (a re-sync of an earlier window), is new.
    let reach: [number, number][] | null = null;
    for (const k of mine) if (k.alert.status !== "open") (reach ??= []).push([k.first - span, k.last]);
    const outside = reach === null ? null : (t: number) => reach.every(([a, b]) => t < a || t > b);
    const fresh = [...freshByKey.values()].filter((m) => outside === null || outside(m.t)).sort(byTimeThenKey);
    const sorted = merged(input.history.get(g) ?? [], from, outside, fresh);
    for (const burst of bursts(sorted, policy.threshold?.count ?? 1, span / MINUTE)) {
      if (burst.rows.every((r) => r.history)) continue;
      const head = burst.rows[0];
      const tail = burst.rows.at(-1);
      if (!head || !tail) continue;
      const open = mine.find((k) => k.alert.status === "open" && k.first - span <= tail.t && k.last + span >= head.t);
      if (open) {
        // A match an earlier page alerted on is in this open alert already (it is the one near it):
        // sending it again would only be refused by the row's key, at the cost of a write.
        const adding = burst.rows.filter((r) => !r.alerted).map((r) => ({ rowKey: r.rowKey, requestTime: r.requestTime }));
        if (adding.length > 0) changes.push({ alert: open.alert, isNew: false, rows: adding });
        continue;
      }
      const rows = burst.rows.map((r) => ({ rowKey: r.rowKey, requestTime: r.requestTime }));
      const alertKey = `${policy.id}:${c.id}:${sample.account}:${head.rowKey}`;
      const alert: AlertRecord = {
        id: alertIdOf(alertKey, head.requestTime),
        alertKey,
        policyId: policy.id,
        policyName: policy.name,
        severity: policy.severity,
        connectorId: c.id,
        account: sample.account,
        status: "open",
        rowCount: rows.length,
        firstRowAt: head.requestTime,
        lastRowAt: tail.requestTime,
        raisedAt: now.toISOString(),
        note: null,
        closedBy: null,
        closedAt: null,
      };
      mine.push(known(alert));
      raised.push(alert);
      changes.push({ alert, isNew: true, rows });
      events.push(activityAlertEvent(c, alert, now));
    }
  }
  return { changes, events, raised };
}

/**
 * The history counted (from `from` on, and `outside` every closed alert's reach when there are any)
 * merged with the page's matches, in order of time then key. Both are sorted already: a merge, not a
 * sort of the whole span on every page. A fresh match equal to a history one is the same row, taken
 * once (as this page's).
 */
function merged(history: readonly Candidate[], from: number, outside: ((t: number) => boolean) | null, fresh: readonly Candidate[]): Candidate[] {
  let i = 0;
  let hi = history.length;
  while (i < hi) {
    const mid = (i + hi) >>> 1;
    const t = history[mid]?.t ?? Infinity;
    if (t >= from) hi = mid;
    else i = mid + 1;
  }
  const out: Candidate[] = [];
  let j = 0;
  while (i < history.length || j < fresh.length) {
    const h = history[i];
    const f = fresh[j];
    if (h && outside !== null && !outside(h.t)) {
      i++;
    } else if (h && f && h.t === f.t && h.key === f.key) {
      out.push(f);
      i++;
      j++;
    } else if (h && (!f || byTimeThenKey(h, f) < 0)) {
      out.push(h);
      i++;
    } else if (f) {
      out.push(f);
      j++;
    }
  }
  return out;
}
