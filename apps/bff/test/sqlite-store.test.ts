import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store";
import { openSqliteStore } from "../src/store/sqlite-store";
import { connectorRecord } from "./connector-record";
import { storedRow } from "./stored-row";
import { describeStoreContract } from "./store-contract";

// Every statement the contract runs, watched: SQLite must not plan one again because of the values
// bound to it (withStablePlan in sqlite-driver.ts); the check is at the end of the file.
const replanned: string[] = [];
describeStoreContract("SQLite", async () => openSqliteStore(":memory:", undefined, { onReplan: (sql) => replanned.push(sql) }));
// A file database commits activity pages on a second connection in a worker thread. Opened as the
// console opens it, so the contract also holds for the shared row counts (store/count-cache.ts).
const fileDirs: string[] = [];
afterAll(() => fileDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
describeStoreContract("SQLite file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-contract-"));
  fileDirs.push(dir);
  return openStore(`file:${path.join(dir, "db.sqlite")}`);
});

describe("SQLite file store", () => {
  it("when the file is reopened, then migrations are not re-applied and data survives", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wc-db-")), "nested", "db.sqlite");
    const a = openSqliteStore(file);
    await a.createSession({ id: "s", userId: "u", userName: "U", role: "admin", createdAt: "t", lastSeenAt: "t", ip: null });
    await a.close();
    const b = openSqliteStore(file);
    expect(await b.getSession("s")).not.toBeNull();
    await b.close();
  });
});

describe("SQLite reads and the event loop", () => {
  const created = { at: "2026-11-29T10:00:00.000Z", from: null, to: "pending_configuration" as const, reasonCode: null, actor: "t" };

  /** How many times the event loop came round (setImmediate) while `work` ran. */
  async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await work();
    running = false;
    return turns;
  }

  it("when a stream reads 20,000 rows of one connector, then other requests get the event loop between its reads", async () => {
    const s = openSqliteStore(":memory:");
    await s.insertConnector(connectorRecord("c1"), created);
    await s.commitActivityPage(
      "c1",
      Array.from({ length: 20_000 }, (_, i) => storedRow(i)),
      {},
    );
    let rows = 0;
    const turns = await turnsDuring(async () => {
      for await (const _ of s.streamActivity({ connectorId: "c1" }, "asc", 1000)) rows++;
    });
    expect(rows).toBe(20_000);
    // A turn every 2,000 rows; without them the loop does not come round until the stream ends.
    expect(turns).toBeGreaterThanOrEqual(5);
    await s.close();
  });

  it("when a page is read across 1,000 connectors (a statement each), then other requests get the event loop while it reads", async () => {
    const s = openSqliteStore(":memory:");
    for (let i = 0; i < 1000; i++) {
      const id = `c${String(i).padStart(4, "0")}`;
      await s.insertConnector(connectorRecord(id), created);
      await s.commitActivityPage(id, [storedRow(i)], {});
    }
    let page: unknown[] = [];
    const turns = await turnsDuring(async () => {
      page = await s.listActivity({ filter: {}, order: "desc", limit: 50 });
    });
    expect(page).toHaveLength(50);
    expect(turns).toBeGreaterThanOrEqual(5);
    await s.close();
  });
});

describe("SQLite statements", () => {
  it("when the whole store contract has run, then no statement was planned again for its values", () => {
    expect([...new Set(replanned)]).toEqual([]);
  });
});
