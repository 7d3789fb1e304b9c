import { describe, expect, it } from "vitest";
import { groupKey, planAlerts, type Candidate } from "../src/policies/alert-plan";
import type { AlertEpisode, PolicyMatch, PolicyRecord } from "../src/policies/policy-store";
import { policyRecord } from "./policy-record";
import { seededRandom } from "./seeded-random";

const T0 = Date.parse("2026-11-30T00:00:00.000Z");
const MIN = 60_000;
const connector = { id: "c1", name: "Acme", tenant: "acme", environment: "production" as const };
const policy = (id: string, threshold: PolicyRecord["threshold"]): PolicyRecord =>
  policyRecord(id, new Date(T0).toISOString(), { condition: { field: "taskDisplayName", op: "is", values: ["View Worker"] }, threshold });
const POLICIES = new Map([
  ["single", policy("single", null)],
  ["burst", policy("burst", { count: 3, withinMinutes: 10 })],
]);
const match = (policyId: string, account: string, ms: number, n: number): PolicyMatch => ({
  policyId,
  account,
  rowKey: `r${String(n).padStart(5, "0")}`,
  requestTime: new Date(T0 + ms).toISOString(),
});
const asHistory = (m: PolicyMatch, alerted = false): Candidate => ({ ...m, history: true, alerted, t: Date.parse(m.requestTime), key: m.rowKey });
const plan = (fresh: PolicyMatch[], o: { from?: number; history?: Map<string, Candidate[]>; recent?: Map<string, AlertEpisode[]> } = {}) =>
  planAlerts({
    connector,
    policies: POLICIES,
    fresh,
    from: o.from ?? -Infinity,
    history: o.history ?? new Map(),
    recent: o.recent ?? new Map(),
    now: new Date(T0 + 30 * 1440 * MIN),
  });

/**
 * Clusters of matches at most 40 minutes long, hours apart: every burst is shorter than the hour
 * a page looks back over, so how the matches are split into pages must not change the alerts.
 */
function matchesOf(seed: number): PolicyMatch[] {
  const rnd = seededRandom(seed);
  const out: PolicyMatch[] = [];
  let n = 0;
  for (let cluster = 0; cluster < 12; cluster++) {
    const start = cluster * 180 * MIN;
    const size = 1 + Math.floor(rnd() * 14);
    for (let i = 0; i < size; i++) {
      const policyId = rnd() < 0.5 ? "single" : "burst";
      const account = ["ana", "bo", "cy"][Math.floor(rnd() * 3)] ?? "ana";
      out.push(match(policyId, account, start + Math.floor(rnd() * 40) * MIN, n++));
    }
  }
  return out.sort((a, b) => a.requestTime.localeCompare(b.requestTime) || a.rowKey.localeCompare(b.rowKey));
}

/** Plans pages one after another as the sync does: earlier matches as history, earlier alerts as recent. */
function planPages(pages: PolicyMatch[][]) {
  const history = new Map<string, Candidate[]>();
  const alerts = new Map<string, AlertEpisode & { rows: Set<string> }>();
  for (const page of pages) {
    if (page.length === 0) continue;
    const first = Math.min(...page.map((m) => Date.parse(m.requestTime)));
    const recent = new Map<string, AlertEpisode[]>();
    for (const a of alerts.values()) {
      const g = groupKey(a.policyId, a.account);
      recent.set(g, [...(recent.get(g) ?? []), a]);
    }
    const p = plan(page, { from: first - 60 * MIN, history, recent });
    for (const ch of p.changes) {
      const a = ch.isNew ? { ...ch.alert, rows: new Set<string>() } : alerts.get(ch.alert.id);
      if (!a) throw new Error(`an extension of an unknown alert ${ch.alert.id}`);
      for (const r of ch.rows) {
        a.rows.add(r.rowKey);
        if (r.requestTime < a.firstRowAt) a.firstRowAt = r.requestTime;
        if (r.requestTime > a.lastRowAt) a.lastRowAt = r.requestTime;
      }
      alerts.set(a.id, a);
      const alerted = new Set(ch.rows.map((r) => r.rowKey));
      for (const h of history.get(groupKey(ch.alert.policyId, ch.alert.account)) ?? []) if (alerted.has(h.key)) h.alerted = true;
    }
    for (const m of page) {
      if (!POLICIES.get(m.policyId)?.threshold) continue;
      const g = groupKey(m.policyId, m.account);
      const alerted = p.changes.some((ch) => groupKey(ch.alert.policyId, ch.alert.account) === g && ch.rows.some((r) => r.rowKey === m.rowKey));
      history.set(
        g,
        [...(history.get(g) ?? []), asHistory(m, alerted)].sort((a, b) => a.t - b.t || a.key.localeCompare(b.key)),
      );
    }
  }
  return [...alerts.values()]
    .map((a) => ({ id: a.id, rows: [...a.rows].sort(), first: a.firstRowAt, last: a.lastRowAt }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe("planning alerts", () => {
  it("when the same matches arrive split into pages of any size, in any order within a page, then they raise the same alerts with the same rows as all at once", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const all = matchesOf(seed);
      const whole = planPages([all]);
      const rnd = seededRandom(seed * 7919);
      const pages: PolicyMatch[][] = [];
      for (let i = 0; i < all.length;) {
        const size = 1 + Math.floor(rnd() * 9);
        // Shuffled within the page: the planner sorts what it is given.
        pages.push(all.slice(i, i + size).sort(() => rnd() - 0.5));
        i += size;
      }
      expect(planPages(pages), `seed ${seed}`).toEqual(whole);
      expect(whole.length, `seed ${seed}`).toBeGreaterThan(0);
    }
  });

  it("when a page holds a row the history holds too, then it counts once", () => {
    const rows = [0, 2, 4].map((m, i) => match("burst", "ana", m * MIN, i));
    const history = new Map([[groupKey("burst", "ana"), rows.slice(0, 2).map((m) => asHistory(m))]]);
    // Row 1 again and row 2: three distinct rows reach the threshold, four would be a wrong count.
    const p = plan([rows[1] as PolicyMatch, rows[2] as PolicyMatch], { history });
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]?.rows.map((r) => r.rowKey)).toEqual(["r00000", "r00001", "r00002"]);
  });

  it("when history is older than `from` or not after a closed alert's last row, then it is not counted", () => {
    const rows = [0, 2, 4, 6].map((m, i) => match("burst", "ana", m * MIN, i));
    const history = new Map([[groupKey("burst", "ana"), rows.slice(0, 3).map((m) => asHistory(m))]]);
    const fresh = [rows[3] as PolicyMatch];
    expect(plan(fresh, { history }).changes).toHaveLength(1);
    // From minute 2 exactly: rows at 2, 4 and 6 reach the threshold; from just after it they do not.
    expect(plan(fresh, { history, from: T0 + 2 * MIN }).changes).toHaveLength(1);
    expect(plan(fresh, { history, from: T0 + 2 * MIN + 1 }).changes).toHaveLength(0);
    const closed: AlertEpisode = {
      id: "al_closed",
      policyId: "burst",
      account: "ana",
      status: "resolved",
      firstRowAt: rows[0]?.requestTime ?? "",
      lastRowAt: rows[1]?.requestTime ?? "",
    };
    expect(plan(fresh, { history, recent: new Map([[groupKey("burst", "ana"), [closed]]]) }).changes).toHaveLength(0);
  });

  it("when a closed alert is hours later, then earlier activity a re-sync brings in raises its own alert; within the closed alert's reach it does not", () => {
    const closed = (policyId: string): AlertEpisode => ({
      id: `al_closed_${policyId}`,
      policyId,
      account: "ana",
      status: "resolved",
      firstRowAt: new Date(T0 + 300 * MIN).toISOString(),
      lastRowAt: new Date(T0 + 305 * MIN).toISOString(),
    });
    const recent = (policyId: string) => new Map([[groupKey(policyId, "ana"), [closed(policyId)]]]);
    const single = (minute: number) => plan([match("single", "ana", minute * MIN, minute)], { recent: recent("single") }).changes;
    // Hours before it: unrelated to it, a new alert. From an hour (the grouping span) before its first row to its
    // last row: activity the closed alert stands for. After it: goes on after the resolve, a new alert.
    expect(single(100)).toMatchObject([{ isNew: true, rows: [{ rowKey: "r00100" }] }]);
    expect(single(239)).toHaveLength(1);
    expect(single(240)).toHaveLength(0);
    expect(single(303)).toHaveLength(0);
    expect(single(305)).toHaveLength(0);
    expect(single(306)).toHaveLength(1);

    // A threshold counts the history before the closed alert's reach, not what is within it.
    const rows = [100, 102, 104].map((m) => match("burst", "ana", m * MIN, m));
    const history = new Map([[groupKey("burst", "ana"), rows.slice(0, 2).map((m) => asHistory(m))]]);
    const early = plan([rows[2] as PolicyMatch], { history, recent: recent("burst") }).changes;
    expect(early).toMatchObject([{ isNew: true, rows: [{ rowKey: "r00100" }, { rowKey: "r00102" }, { rowKey: "r00104" }] }]);
    const near = [288, 290, 292].map((m) => match("burst", "ana", m * MIN, m));
    const nearHistory = new Map([[groupKey("burst", "ana"), near.slice(0, 2).map((m) => asHistory(m))]]);
    expect(plan([near[2] as PolicyMatch], { history: nearHistory, recent: recent("burst") }).changes).toHaveLength(0);
  });

  it("when a burst is made of history only (an earlier page decided it), then it raises nothing again", () => {
    const rows = [0, 2, 4].map((m, i) => match("burst", "ana", m * MIN, i));
    const history = new Map([[groupKey("burst", "ana"), rows.map((m) => asHistory(m))]]);
    expect(plan([match("burst", "ana", 30 * MIN, 9)], { history }).changes).toHaveLength(0);
  });

  it("when a burst is near two open alerts of the account, then the one with the earlier last row takes it, in whatever order they are given", () => {
    const episode = (id: string, first: number, last: number): AlertEpisode => ({
      id,
      policyId: "single",
      account: "ana",
      status: "open",
      firstRowAt: new Date(T0 + first * MIN).toISOString(),
      lastRowAt: new Date(T0 + last * MIN).toISOString(),
    });
    const a = episode("al_b", 0, 10);
    const b = episode("al_a", 50, 70);
    const fresh = [match("single", "ana", 40 * MIN, 1)];
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const p = plan(fresh, { recent: new Map([[groupKey("single", "ana"), order]]) });
      expect(p.changes.map((ch) => ch.alert.id)).toEqual(["al_b"]);
    }
  });
});
