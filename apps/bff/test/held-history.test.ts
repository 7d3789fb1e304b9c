import { describe, expect, it } from "vitest";
import { groupKey } from "../src/policies/alert-plan";
import { heldHistory } from "../src/policies/held-history";
import type { PolicyMatch, PolicyRecord } from "../src/policies/policy-store";
import { policyRecord } from "./policy-record";

const T0 = Date.parse("2026-11-30T00:00:00.000Z");
const MIN = 60_000;
const at = (minute: number) => new Date(T0 + minute * MIN).toISOString();
const match = (policyId: string, account: string, minute: number, key: string): PolicyMatch => ({ policyId, account, rowKey: key, requestTime: at(minute) });
const threshold = (id: string, updatedAt = at(0)): PolicyRecord => policyRecord(id, at(0), { threshold: { count: 3, withinMinutes: 10 }, updatedAt });

/** A store's kept matches as keptMatches answers them, and how often it was asked. */
function storeOf(kept: PolicyMatch[]) {
  const reads: string[] = [];
  return {
    reads,
    load: (from: string) => {
      reads.push(from);
      return Promise.resolve(kept.filter((m) => m.requestTime >= from));
    },
  };
}

describe("held threshold history", () => {
  it("when a window starts, then history is read once and later pages are served from what is held, until a page reaches back before it", async () => {
    const store = storeOf([match("p", "ana", 1, "a"), match("p", "ana", 2, "b")]);
    const h = heldHistory(store.load);
    const p = [threshold("p")];
    const first = await h.from(T0, p);
    expect(first.get(groupKey("p", "ana"))?.map((m) => m.key)).toEqual(["a", "b"]);
    h.remember([match("p", "ana", 3, "c")], T0, new Map());
    expect((await h.from(T0 + MIN, p)).get(groupKey("p", "ana"))?.map((m) => m.key)).toEqual(["a", "b", "c"]);
    expect(store.reads).toHaveLength(1);
    // Before the time held from: read again.
    await h.from(T0 - MIN, p);
    expect(store.reads).toHaveLength(2);
  });

  it("when a page's matches arrive out of order, then each group stays in order of time then key, and the rows put in alerts are marked", async () => {
    const h = heldHistory(storeOf([]).load);
    const p = [threshold("p")];
    await h.from(T0, p);
    h.remember([match("p", "ana", 5, "e"), match("p", "bo", 1, "x")], T0, new Map());
    h.remember(
      [match("p", "ana", 2, "b"), match("p", "ana", 5, "d")],
      T0,
      new Map([[groupKey("p", "ana"), { keys: new Set(["d", "e"]), from: T0 + 5 * MIN }]]),
    );
    const ana = (await h.from(T0, p)).get(groupKey("p", "ana")) ?? [];
    expect(ana.map((m) => [m.key, m.alerted])).toEqual([
      ["b", false],
      ["d", true],
      ["e", true],
    ]);
    expect(ana.every((m) => m.history)).toBe(true);
  });

  it("when matches fall behind the time kept, then a group they are trimmed from keeps only the later ones", async () => {
    const h = heldHistory(storeOf([]).load);
    const p = [threshold("p")];
    await h.from(T0, p);
    h.remember([match("p", "ana", 1, "a"), match("p", "ana", 20, "b")], T0, new Map());
    h.remember([match("p", "ana", 30, "c")], T0 + 15 * MIN, new Map());
    expect((await h.from(T0 + 15 * MIN, p)).get(groupKey("p", "ana"))?.map((m) => m.key)).toEqual(["b", "c"]);
  });

  it("when a policy changes mid-window, then what its old version matched no longer counts, and other policies keep theirs", async () => {
    const h = heldHistory(storeOf([]).load);
    await h.from(T0, [threshold("p"), threshold("q")]);
    h.remember([match("p", "ana", 1, "a"), match("q", "ana", 1, "z")], T0, new Map());
    const after = await h.from(T0, [threshold("p", at(2)), threshold("q")]);
    expect(after.get(groupKey("p", "ana"))).toBeUndefined();
    expect(after.get(groupKey("q", "ana"))?.map((m) => m.key)).toEqual(["z"]);
    // A policy no longer counting (deleted, or its threshold removed) is dropped too.
    expect((await h.from(T0, [threshold("p", at(2))])).get(groupKey("q", "ana"))).toBeUndefined();
  });
});
