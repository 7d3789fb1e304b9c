import { hash } from "node:crypto";
import { bursts, byTimeThenKey, GROUP_MINUTES } from "@wc/workday";
import { activityAlertEvent, type OutboxEvent } from "../notifications";
import type { ConnectorRecord } from "../store/types";
import type { AlertChange, AlertRecord, PolicyRecord, PolicyStore, StoredMatch } from "./policy-store";

const MINUTE = 60_000;
/** Decided matches are kept this long behind the newest pending one: the longest threshold is a day. */
const KEEP_MS = 2 * 1440 * MINUTE;

export interface DecideDeps {
  store: PolicyStore;
  now: () => Date;
  /** Told of each new alert once it is stored (metrics). */
  onRaised?: (a: AlertRecord) => void;
}

type Named = Pick<ConnectorRecord, "id" | "name" | "tenant" | "environment">;
type Timed = StoredMatch & { t: number; key: string };

const spanOf = (p: PolicyRecord) => (p.threshold?.withinMinutes ?? GROUP_MINUTES) * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** The alert's id is derived from its key, so every replica and every retry names it the same. */
export const alertIdOf = (alertKey: string) => `al_${hash("sha256", alertKey, "base64url").slice(0, 22)}`;

/**
 * Turns a connector's pending matches into alerts (docs/policies.md): per policy and account, the
 * bursts over the pending matches and the decided ones just before them. A burst near an open
 * alert of the same policy and account adds its rows to it; otherwise it is a new alert, keyed by
 * policy, connector, account and its first row, with an `activity.alert` event. Rows up to the
 * last row of a closed (resolved or dismissed) alert are left out, so activity that goes on after
 * a resolve raises a new alert instead of vanishing into the closed one. Decided in one
 * transaction; a crash before it leaves the matches pending and the next call decides them the same way.
 */
export async function decideAlerts(d: DecideDeps, c: Named): Promise<number> {
  const policies = new Map((await d.store.listPolicies()).map((p) => [p.id, p]));
  const lookback = Math.max(GROUP_MINUTES * MINUTE, ...[...policies.values()].map(spanOf));
  // Only a threshold counts earlier matches; without one, a match joins the open alert or opens one.
  const counting = [...policies.values()].filter((p) => p.threshold !== null).map((p) => p.id);
  const { pending, context } = await d.store.matchesToDecide(c.id, lookback, counting);
  const first = pending[0];
  const last = pending.at(-1);
  if (!first || !last) return 0;
  const firstMs = Date.parse(first.requestTime);
  const recent = await d.store.recentAlerts(c.id, iso(firstMs - lookback));

  const groups = new Map<string, Map<string, Timed>>();
  for (const m of [...context, ...pending]) {
    const g = `${m.policyId}\u0000${m.account}`;
    let rows = groups.get(g);
    if (!rows) groups.set(g, (rows = new Map<string, Timed>()));
    rows.set(m.rowKey, { ...m, t: Date.parse(m.requestTime), key: m.rowKey });
  }

  const now = d.now();
  const changes: AlertChange[] = [];
  const events: OutboxEvent[] = [];
  for (const rowsByKey of groups.values()) {
    const sample = rowsByKey.values().next().value;
    const policy = sample ? policies.get(sample.policyId) : undefined;
    if (!sample || !policy) continue;
    const span = spanOf(policy);
    const mine = recent.filter((a) => a.policyId === policy.id && a.account === sample.account);
    const cut = Math.max(-Infinity, ...mine.filter((a) => a.status !== "open").map((a) => Date.parse(a.lastRowAt)));
    const sorted = [...rowsByKey.values()].filter((m) => m.t > cut).sort(byTimeThenKey);
    for (const burst of bursts(sorted, policy.threshold?.count ?? 1, span / MINUTE)) {
      if (burst.rows.every((r) => r.evaluated)) continue;
      const head = burst.rows[0];
      const tail = burst.rows.at(-1);
      if (!head || !tail) continue;
      const rows = burst.rows.map((r) => ({ rowKey: r.rowKey, requestTime: r.requestTime }));
      const open = mine.find((a) => a.status === "open" && Date.parse(a.firstRowAt) - span <= tail.t && Date.parse(a.lastRowAt) + span >= head.t);
      if (open) {
        changes.push({ alert: open, isNew: false, rows });
        continue;
      }
      const alertKey = `${policy.id}:${c.id}:${sample.account}:${head.rowKey}`;
      const alert: AlertRecord = {
        id: alertIdOf(alertKey),
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
      mine.push(alert);
      changes.push({ alert, isNew: true, rows });
      events.push(activityAlertEvent(c, alert, now));
    }
  }
  const upTo = pending.reduce((m, p) => (p.requestTime > m ? p.requestTime : m), last.requestTime);
  await d.store.applyAlertChanges(c.id, changes, events, { keep: counting, upTo }, iso(firstMs - KEEP_MS));
  const raised = changes.filter((ch) => ch.isNew);
  for (const ch of raised) d.onRaised?.(ch.alert);
  return raised.length;
}
