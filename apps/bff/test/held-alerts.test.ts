import { describe, expect, it } from "vitest";
import { groupKey } from "../src/policies/alert-plan";
import { heldAlerts } from "../src/policies/held-alerts";
import type { AlertEpisode } from "../src/policies/policy-store";

const T0 = Date.parse("2026-11-30T00:00:00.000Z");
const MIN = 60_000;
const at = (minute: number) => new Date(T0 + minute * MIN).toISOString();
const episode = (id: string, first: number, last: number, status: AlertEpisode["status"] = "open"): AlertEpisode => ({
  id,
  policyId: "p",
  account: "ana",
  status,
  firstRowAt: at(first),
  lastRowAt: at(last),
});
const G = groupKey("p", "ana");

/** A store's alerts and status-change count as the policy store answers them, and how often they were read. */
function storeOf(alerts: AlertEpisode[]) {
  const s = {
    alerts,
    changes: 0,
    reads: 0,
    recentAlerts: (_c: string, from: string) => {
      s.reads++;
      return Promise.resolve(s.alerts.filter((a) => a.lastRowAt >= from));
    },
    alertStatusChanges: () => Promise.resolve(s.changes),
  };
  return s;
}
const ids = (m: ReadonlyMap<string, readonly AlertEpisode[]>) => (m.get(G) ?? []).map((a) => `${a.id} ${a.status} ${a.lastRowAt.slice(11, 16)}`);

describe("held recent alerts", () => {
  it("when pages go on, then the alerts are read once and kept with what the window raises and extends", async () => {
    const store = storeOf([episode("a1", 0, 10)]);
    const held = heldAlerts(store, "c1");
    expect(ids(await held.from(T0, new Map()))).toEqual(["a1 open 00:10"]);
    held.extended(episode("a1", 0, 30));
    held.raised(episode("a2", 100, 100));
    expect(ids(await held.from(T0 + MIN, new Map()))).toEqual(["a1 open 00:30", "a2 open 01:40"]);
    expect(store.reads).toBe(1);
  });

  it("when a user changes an alert's status, then the next page reads them again, with the window's unapplied spans over them", async () => {
    const store = storeOf([episode("a1", 0, 10)]);
    const held = heldAlerts(store, "c1");
    await held.from(T0, new Map());
    held.extended(episode("a1", 0, 30));
    store.alerts = [episode("a1", 0, 10, "resolved")];
    store.changes = 1;
    expect(ids(await held.from(T0, new Map([["a1", episode("a1", 0, 30)]])))).toEqual(["a1 resolved 00:30"]);
    expect(store.reads).toBe(2);
  });

  it("when a page reaches back before the alerts held, then they are read again", async () => {
    const store = storeOf([episode("a1", 0, 10)]);
    const held = heldAlerts(store, "c1");
    await held.from(T0 + 5 * MIN, new Map());
    await held.from(T0, new Map());
    expect(store.reads).toBe(2);
  });
});
