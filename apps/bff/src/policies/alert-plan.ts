import { hash } from "node:crypto";
import { bursts, byTimeThenKey, GROUP_MINUTES } from "@wc/workday";
import { activityAlertEvent, type OutboxEvent } from "../notifications";
import type { ConnectorRecord } from "../store/types";
import type { AlertChange, AlertEpisode, AlertRecord, PolicyMatch, PolicyRecord } from "./policy-store";

export const MINUTE = 60_000;

export type Named = Pick<ConnectorRecord, "id" | "name" | "tenant" | "environment">;
/**
 * A match, whether it is history (an earlier page's, kept for a threshold) or this page's, and
 * whether it is known to be held by an alert already (a history match an earlier page alerted on).
 */
export type Candidate = PolicyMatch & { history: boolean; alerted: boolean };
type Timed = Candidate & { t: number; key: string };
/** An alert with its first and last row times parsed once. */
type Known = { alert: AlertEpisode; first: number; last: number };
const known = (alert: AlertEpisode): Known => ({ alert, first: Date.parse(alert.firstRowAt), last: Date.parse(alert.lastRowAt) });

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
  /**
   * Threshold policies' earlier matches within their span before the first fresh one; `alerted`
   * when the caller knows an alert holds it (an earlier page of the same window put it there).
   */
  history: readonly (PolicyMatch & { t?: number; alerted?: boolean })[];
  /** The connector's alerts whose last row is within the longest span before the first fresh match. */
  recent: readonly AlertEpisode[];
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
 * and its first row, with an `activity.alert` event. Rows up to the last row of a closed (resolved
 * or dismissed) alert are left out, so activity that goes on after a resolve raises a new alert
 * instead of vanishing into the closed one. Pure: the same input plans the same alerts, whichever
 * replica or retry plans them.
 */
export function planAlerts(input: AlertPlanInput): AlertPlan {
  const { connector: c, policies, now } = input;
  const groups = new Map<string, Map<string, Timed>>();
  const add = (m: PolicyMatch & { t?: number; alerted?: boolean }, history: boolean) => {
    const g = `${m.policyId}\u0000${m.account}`;
    let rows = groups.get(g);
    if (!rows) groups.set(g, (rows = new Map<string, Timed>()));
    rows.set(m.rowKey, {
      policyId: m.policyId,
      rowKey: m.rowKey,
      requestTime: m.requestTime,
      account: m.account,
      history,
      alerted: m.alerted ?? false,
      t: m.t ?? Date.parse(m.requestTime),
      key: m.rowKey,
    });
  };
  for (const m of input.history) add(m, true);
  for (const m of input.fresh) add(m, false);

  const changes: AlertChange[] = [];
  const events: OutboxEvent[] = [];
  const raised: AlertRecord[] = [];
  const alertsOf = new Map<string, Known[]>();
  for (const a of input.recent) {
    const g = `${a.policyId}\u0000${a.account}`;
    let mine = alertsOf.get(g);
    if (!mine) alertsOf.set(g, (mine = []));
    mine.push(known(a));
  }
  // In order of last row, then id, however the caller holds them: where a burst is near two open
  // alerts of the same account, every replica and retry picks the same one.
  for (const mine of alertsOf.values()) if (mine.length > 1) mine.sort((x, y) => x.last - y.last || (x.alert.id < y.alert.id ? -1 : 1));
  for (const [g, rowsByKey] of groups) {
    const sample = rowsByKey.values().next().value;
    const policy = sample ? policies.get(sample.policyId) : undefined;
    if (!sample || !policy) continue;
    const span = spanOf(policy);
    const mine = alertsOf.get(g) ?? [];
    let cut = -Infinity;
    for (const k of mine) if (k.alert.status !== "open" && k.last > cut) cut = k.last;
    const sorted = [...rowsByKey.values()].filter((m) => m.t > cut).sort(byTimeThenKey);
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
