import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withCountCache } from "../src/store/count-cache";
import { openSqliteStore } from "../src/store/sqlite-store";
import type { Store } from "../src/store/types";
import { connectorRecord } from "./connector-record";
import { storedRow } from "./stored-row";

const at = "2026-11-29T10:00:00.000Z";
const connector = (id: string) => connectorRecord(id, { name: `Name ${id}`, connectedAt: at, createdBy: "tester" });
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => storedRow(from + i));

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** This process's cached store and a second, uncached handle on the same file standing for another replica. */
async function twoReplicas() {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-count-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  const clock = { ms: 0 };
  const here = withCountCache(openSqliteStore(file), { ttlMs: 2000, now: () => clock.ms });
  const other = openSqliteStore(file);
  stores.push(here, other);
  for (const id of ["c1", "c2"]) await here.insertConnector(connector(id), { at, from: null, to: "connected", reasonCode: null, actor: "t" });
  return { here, other, clock };
}

describe("shared activity counts", () => {
  it("when this process commits, prunes or deletes rows, then the next count shows it at once", async () => {
    const { here } = await twoReplicas();
    expect(await here.countActivity({ connectorId: "c1" })).toBe(0);
    await here.commitActivityPage("c1", rows(0, 30), {});
    expect(await here.countActivity({ connectorId: "c1" })).toBe(30);
    expect(await here.countActivity({})).toBe(30);
    await here.pruneActivity("c1", storedRow(10).requestTime);
    expect(await here.countActivity({ connectorId: "c1" })).toBe(20);
    expect(await here.countActivity({})).toBe(20);
    await here.deleteConnector("c1");
    expect(await here.countActivity({ connectorId: "c1" })).toBe(0);
    expect(await here.countActivity({})).toBe(0);
  });

  it("when another replica writes, then a count is reused for at most the reuse time and then read again", async () => {
    const { here, other, clock } = await twoReplicas();
    expect(await here.countActivity({ connectorId: "c1" })).toBe(0);
    await other.commitActivityPage("c1", rows(0, 5), {});
    clock.ms = 1999;
    expect(await here.countActivity({ connectorId: "c1" })).toBe(0);
    clock.ms = 2000;
    expect(await here.countActivity({ connectorId: "c1" })).toBe(5);
  });

  it("when one connector's rows change, then another connector's count is still reused but the all-connector count is not", async () => {
    const { here, other } = await twoReplicas();
    expect(await here.countActivity({ connectorId: "c2" })).toBe(0);
    expect(await here.countActivity({})).toBe(0);
    await other.commitActivityPage("c2", rows(100, 3), {});
    await here.commitActivityPage("c1", rows(0, 4), {});
    // c2's count is within its reuse time and nothing here touched c2.
    expect(await here.countActivity({ connectorId: "c2" })).toBe(0);
    expect(await here.countActivity({})).toBe(7);
  });

  it("when counts with different filters are asked, then each gets its own answer", async () => {
    const { here } = await twoReplicas();
    await here.commitActivityPage("c1", rows(0, 10), {});
    expect(await here.countActivity({ connectorId: "c1", from: storedRow(4).requestTime })).toBe(6);
    expect(await here.countActivity({ from: storedRow(4).requestTime, connectorId: "c1" })).toBe(6);
    expect(await here.countActivity({ connectorId: "c1", from: storedRow(8).requestTime })).toBe(2);
    expect(await here.countActivity({ connectorId: "c1", account: "nobody" })).toBe(0);
  });

  it("when a count is asked while a commit is under way, then the count read during the commit is not reused after it", async () => {
    const { here } = await twoReplicas();
    const commit = here.commitActivityPage("c1", rows(0, 2000), {});
    const during = here.countActivity({ connectorId: "c1" });
    await commit;
    await during;
    expect(await here.countActivity({ connectorId: "c1" })).toBe(2000);
  });

  it("when more distinct counts are asked than the cache keeps, then the oldest are dropped and answers stay right", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wc-count-"));
    dirs.push(dir);
    const s = withCountCache(openSqliteStore(path.join(dir, "db.sqlite")), { ttlMs: 60_000, maxEntries: 3 });
    stores.push(s);
    await s.insertConnector(connector("c1"), { at, from: null, to: "connected", reasonCode: null, actor: "t" });
    await s.commitActivityPage("c1", rows(0, 10), {});
    for (let i = 0; i < 10; i++) expect(await s.countActivity({ connectorId: "c1", from: storedRow(i).requestTime })).toBe(10 - i);
    for (let i = 0; i < 10; i++) expect(await s.countActivity({ connectorId: "c1", from: storedRow(i).requestTime })).toBe(10 - i);
  });
});
