import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
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

describe("SQLite migration of alert counts", () => {
  it("when a database from before the kept alert counts is opened, then the counts are made from its alerts and kept from then on", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wc-db-")), "db.sqlite");
    const created = { at: "2026-11-29T10:00:00.000Z", from: null, to: "pending_configuration" as const, reasonCode: null, actor: "t" };
    const a = openSqliteStore(file);
    await a.insertConnector(connectorRecord("c1"), created);
    await a.close();
    // As the database was before migration 20: alerts, no counts, no triggers.
    const raw = new DatabaseSync(file);
    raw.exec(`DROP TRIGGER alert_counts_insert; DROP TRIGGER alert_counts_delete; DROP TRIGGER alert_counts_status; DROP TABLE alert_counts;
      DROP INDEX activity_alerts_by_account; DELETE FROM schema_migrations WHERE version = 20`);
    const insert = raw.prepare(`INSERT INTO activity_alerts (id, alert_key, policy_id, policy_name, severity, connector_id, account, status, row_count,
      first_row_at, last_row_at, raised_at) VALUES (?, ?, ?, 'P', ?, 'c1', 'ana', ?, 1, 't', 't', 't')`);
    for (const [id, policy, severity, status] of [
      ["al_1", "p1", "high", "open"],
      ["al_2", "p1", "high", "open"],
      ["al_3", "p1", "high", "resolved"],
      ["al_4", "p2", "low", "dismissed"],
    ]) {
      insert.run(id ?? "", `k-${id}`, policy ?? "", severity ?? "", status ?? "");
    }
    raw.close();
    const b = openSqliteStore(file);
    try {
      expect(await b.countAlertsByStatus({})).toEqual({ open: 2, resolved: 1, dismissed: 1 });
      expect(await b.countAlertsByStatus({ policyId: "p2" })).toEqual({ dismissed: 1 });
      expect(await b.countOpenAlertsByPolicy()).toEqual({ p1: 2 });
      await b.setAlertStatus("al_1", { status: "resolved", note: "n", closedBy: "Ada", closedAt: "t" });
      expect(await b.countAlertsByStatus({ severity: "high" })).toEqual({ open: 1, resolved: 2 });
    } finally {
      await b.close();
    }
  });
});

describe("SQLite reads, bulk changes and the event loop", () => {
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

  /** A fresh database file in its own directory, removed after the run. */
  function freshFile(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "wc-db-"));
    fileDirs.push(dir);
    return path.join(dir, "db.sqlite");
  }

  /** A file store holding connector c1 with `n` open alerts of policy p1 (written directly: pages would take long). */
  async function fileWithAlerts(n: number): Promise<string> {
    const file = freshFile();
    const setup = openSqliteStore(file);
    await setup.insertConnector(connectorRecord("c1"), created);
    await setup.close();
    const raw = new DatabaseSync(file);
    const insert = raw.prepare(`INSERT INTO activity_alerts (id, alert_key, policy_id, policy_name, severity, connector_id, account, status, row_count,
      first_row_at, last_row_at, raised_at) VALUES (?, ?, 'p1', 'P', 'high', 'c1', ?, 'open', 1, 't', 't', 't')`);
    raw.exec("BEGIN");
    for (let i = 0; i < n; i++) insert.run(`al_${String(i).padStart(6, "0")}`, `k${i}`, `acct${i % 50}`);
    raw.exec("COMMIT");
    raw.close();
    return file;
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

  it("when 20,000 alerts are resolved at once in a file store, then other requests get the event loop while they change, and all of them change", async () => {
    const file = await fileWithAlerts(20_000);
    const s = openSqliteStore(file);
    try {
      const patch = { status: "resolved" as const, note: "bulk", closedBy: "Ada", closedAt: "2026-11-29T11:00:00.000Z" };
      // A count that no longer holds changes nothing, and says how many match now.
      expect(await s.setAlertsStatus({ policyId: "p1", status: "open" }, patch, 19_999)).toEqual({ matched: 20_000, changed: false });
      let result: unknown = null;
      const turns = await turnsDuring(async () => {
        result = await s.setAlertsStatus({ policyId: "p1", status: "open" }, patch, 20_000);
      });
      expect(result).toEqual({ matched: 20_000, changed: true });
      // On the main connection the change held the loop until it was done: not one turn.
      expect(turns).toBeGreaterThanOrEqual(3);
      expect(await s.countAlertsByStatus({})).toEqual({ resolved: 20_000 });
      expect(await s.alertStatusChanges("c1")).toBe(20_000);
    } finally {
      await s.close();
    }
  });

  it("when two admins resolve and dismiss the same 5,000 open alerts side by side, then each alert is changed once, and each says only how many it changed", async () => {
    const s = openSqliteStore(await fileWithAlerts(5_000));
    try {
      const closing = (status: "resolved" | "dismissed") => ({ status, note: "bulk", closedBy: "Ada", closedAt: "2026-11-29T11:00:00.000Z" });
      const [a, b] = await Promise.all([
        s.setAlertsStatus({ policyId: "p1", status: "open" }, closing("resolved"), 5_000),
        s.setAlertsStatus({ policyId: "p1", status: "open" }, closing("dismissed"), 5_000),
      ]);
      expect([a.changed, b.changed]).toEqual([true, true]);
      const counts = await s.countAlertsByStatus({});
      expect(a.matched + b.matched).toBe(5_000);
      expect([counts.resolved ?? 0, counts.dismissed ?? 0]).toEqual([a.matched, b.matched]);
      expect(await s.alertStatusChanges("c1")).toBe(5_000);
    } finally {
      await s.close();
    }
  });

  it("when retention prunes 12,000 rows of a file store and the connector is then deleted, then all of it goes in short transactions while the loop keeps turning", async () => {
    const s = openSqliteStore(freshFile());
    try {
      await s.insertConnector(connectorRecord("c1"), created);
      for (let page = 0; page < 20; page++) {
        await s.commitActivityPage(
          "c1",
          Array.from({ length: 1000 }, (_, i) => storedRow(page * 1000 + i)),
          {},
        );
      }
      // storedRow(i) is i seconds after the first: the first 12,000 are before this.
      const cutoff = storedRow(12_000).requestTime;
      let removed = 0;
      const pruning = await turnsDuring(async () => {
        removed = await s.pruneActivity("c1", cutoff);
      });
      expect(removed).toBe(12_000);
      // One turn at least between each of its three transactions; one statement gave none.
      expect(pruning).toBeGreaterThanOrEqual(2);
      expect(await s.countActivity({ connectorId: "c1" })).toBe(8_000);
      const deleting = await turnsDuring(async () => {
        expect(await s.deleteConnector("c1")).toBe(true);
      });
      expect(deleting).toBeGreaterThanOrEqual(2);
      expect(await s.getConnector("c1")).toBeNull();
      expect(await s.countActivity({ connectorId: "c1" })).toBe(0);
      expect(await s.deleteConnector("c1")).toBe(false);
    } finally {
      await s.close();
    }
  });

  it("when a file store's account list of 20,000 workers is replaced, then the loop keeps turning, and only the workers of the new list remain", async () => {
    const s = openSqliteStore(freshFile());
    const worker = (i: number, name = `Worker ${i}`) => ({
      workerId: `w${i}`,
      systemAccount: `user${i}`,
      name,
      email: null,
      businessTitle: null,
      organization: null,
      isManager: false,
    });
    try {
      await s.insertConnector(connectorRecord("c1"), created);
      await s.replaceWorkers(
        "c1",
        Array.from({ length: 20_000 }, (_, i) => worker(i)),
        "2026-11-29T10:00:00.000Z",
      );
      // The next day: the first 100 left, one was renamed, 100 joined; one is listed twice (the first counts).
      const next = [...Array.from({ length: 19_900 }, (_, i) => worker(i + 100)), ...Array.from({ length: 100 }, (_, i) => worker(20_000 + i))];
      next[0] = worker(100, "Renamed Worker");
      next.push(worker(101, "Listed Twice"));
      const turns = await turnsDuring(() => s.replaceWorkers("c1", next, "2026-11-30T10:00:00.000Z"));
      expect(turns).toBeGreaterThanOrEqual(2);
      const list = await s.listWorkers("c1");
      expect(list).toHaveLength(20_000);
      expect(list.some((w) => w.workerId === "w0" || w.workerId === "w99")).toBe(false);
      expect(list.find((w) => w.workerId === "w100")?.name).toBe("Renamed Worker");
      expect(list.find((w) => w.workerId === "w101")?.name).toBe("Worker 101");
      expect(list.some((w) => w.workerId === "w20099")).toBe(true);
      expect((await s.getSyncState("c1"))?.workersRefreshedAt).toBe("2026-11-30T10:00:00.000Z");
    } finally {
      await s.close();
    }
  });
});

describe("SQLite statements", () => {
  it("when the whole store contract has run, then no statement was planned again for its values", () => {
    expect([...new Set(replanned)]).toEqual([]);
  });
});
