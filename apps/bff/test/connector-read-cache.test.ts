import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withConnectorReadCache } from "../src/store/connector-read-cache";
import { openSqliteStore } from "../src/store/sqlite-store";
import type { Store } from "../src/store/types";
import { connectorRecord } from "./connector-record";

const created = { at: "2026-11-29T10:00:00.000Z", from: null, to: "connected" as const, reasonCode: null, actor: "t" };
const firstPage = { filter: {}, sort: "name" as const, order: "asc" as const, limit: 10 };
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** This process's cached store and a second, uncached handle on the same file standing for another replica. */
async function twoReplicas() {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-list-cache-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  const clock = { ms: 0 };
  const here = withConnectorReadCache(openSqliteStore(file), { ttlMs: 2000, now: () => clock.ms });
  const other = openSqliteStore(file);
  stores.push(here, other);
  await here.insertConnector(connectorRecord("c1", { name: "One" }), created);
  return { here, other, clock };
}

const names = async (s: Store) => (await s.listConnectorPage(firstPage)).map((r) => r.summary.name);

describe("shared connectors list reads", () => {
  it("when this process creates, changes or deletes a connector, then the next page, total and counts show it at once", async () => {
    const { here } = await twoReplicas();
    expect(await names(here)).toEqual(["One"]);
    expect(await here.countConnectorsByStatus()).toEqual({ connected: 1 });
    await here.insertConnector(connectorRecord("c2", { name: "Two" }), created);
    expect(await names(here)).toEqual(["One", "Two"]);
    await here.updateConnector("c2", { status: "degraded" });
    expect(await here.countConnectorsByStatus()).toEqual({ connected: 1, degraded: 1 });
    expect(await here.countConnectors({ statuses: ["degraded"] })).toBe(1);
    await here.deleteConnector("c1");
    expect(await names(here)).toEqual(["Two"]);
    expect(await here.countConnectors({ statuses: ["degraded"], search: "tw" })).toBe(1);
  });

  it("when another replica writes, then the answers may trail it until the reuse time passes", async () => {
    const { here, other, clock } = await twoReplicas();
    expect(await names(here)).toEqual(["One"]);
    await other.insertConnector(connectorRecord("c2", { name: "Two" }), created);
    clock.ms = 1999;
    expect(await names(here)).toEqual(["One"]);
    clock.ms = 2000;
    expect(await names(here)).toEqual(["One", "Two"]);
  });

  it("when a write touches only check times and tokens, then the answers may trail it until the reuse time passes; a status, name or timeline entry shows at once", async () => {
    const { here, other, clock } = await twoReplicas();
    const byLastSuccess = { ...firstPage, sort: "lastSuccess" as const };
    const before = await here.listConnectorPage(byLastSuccess);
    await here.updateConnector("c1", { lastSuccessAt: "2026-11-29T11:00:00.000Z", lastCheckAt: "2026-11-29T11:00:00.000Z", accessTokenEnc: "x" });
    expect(await here.listConnectorPage(byLastSuccess)).toEqual(before);
    clock.ms = 2000;
    expect((await here.listConnectorPage(byLastSuccess))[0]?.summary.lastSuccessAt).toBe("2026-11-29T11:00:00.000Z");
    await here.updateConnector("c1", { reasonCode: "workday_timeout", status: "degraded" });
    expect(await here.countConnectorsByStatus()).toEqual({ degraded: 1 });
    await here.updateConnector("c1", { name: "Uno" });
    expect(await names(here)).toEqual(["Uno"]);
    expect(await here.countConnectorsByStatus()).toEqual({ degraded: 1 });
    // Another replica's change trails here until a write with a timeline entry drops the shared answers.
    await other.updateConnector("c1", { status: "connected" });
    expect(await here.countConnectorsByStatus()).toEqual({ degraded: 1 });
    await here.updateConnector(
      "c1",
      { lastCheckAt: "2026-11-29T12:00:00.000Z" },
      { ...created, at: "2026-11-29T12:00:00.000Z", from: "degraded", to: "connected" },
    );
    expect(await here.countConnectorsByStatus()).toEqual({ connected: 1 });
  });

  it("when a read fails, then it is not reused", async () => {
    const { here } = await twoReplicas();
    let fail = true;
    const flaky = withConnectorReadCache(
      { ...here, countConnectorsByStatus: () => (fail ? Promise.reject(new Error("database is locked")) : here.countConnectorsByStatus()) },
      { ttlMs: 60_000 },
    );
    await expect(flaky.countConnectorsByStatus()).rejects.toThrow("locked");
    fail = false;
    expect(await flaky.countConnectorsByStatus()).toEqual({ connected: 1 });
  });
});
