import { describe, expect, it } from "vitest";
import type { ActivityRow } from "@wc/contracts";
import { parseActivityPage } from "@wc/workday";
import { withKeys } from "../src/activity/activity-rows";
import type { ConnectorRecord, StoredActivityRow, Store, SyncRun } from "../src/store/types";
import { LEASE_LOST } from "../src/platform/store/leases";

/** Activity behaviour every store implementation must share (called from store-contract.ts). */
export function describeActivityStoreContract(engine: string, open: () => Promise<Store>, connector: (id: string, name: string) => ConnectorRecord) {
  const created = { at: "2026-11-29T10:00:00.000Z", from: null, to: "pending_configuration" as const, reasonCode: null, actor: "t" };
  const row = (i: number, over: Partial<StoredActivityRow> = {}): StoredActivityRow => ({
    key: `k${String(i).padStart(4, "0")}`,
    requestTime: new Date(Date.UTC(2026, 2, 1, 0, 0, i)).toISOString(),
    systemAccount: i % 2 === 0 ? "lmartin" : "ada",
    taskId: `t${i % 3}`,
    taskDisplayName: i % 3 === 0 ? "View Worker" : i % 3 === 1 ? "Change 100%_Pay" : "Sign In",
    activityAction: ["READ", "WRITE", "EXPORT"][i % 3] ?? null,
    ipAddress: `10.0.0.${i % 4}`,
    userAgent: "UA",
    deviceType: i % 2 === 0 ? "Desktop" : "Mobile",
    sessionId: `s${i % 5}`,
    targetId: i % 2 === 0 ? `w${i}` : null,
    targetDescriptor: i % 2 === 0 ? `Worker ${i}` : null,
    targetHref: null,
    ...over,
  });
  const run: SyncRun = {
    kind: "backfill",
    from: "2026-03-01T00:00:00.000Z",
    to: "2026-03-08T00:00:00.000Z",
    startedAt: "2026-03-08T00:00:05.000Z",
    connectedAt: null,
    rows: 0,
    cursor: { anchorMs: Date.parse("2026-03-01T00:00:00Z"), toMs: Date.parse("2026-03-08T00:00:00Z"), offset: 0, ceiling: 10_000, lastRowTime: null },
  };
  const withConnectors = async (...ids: string[]) => {
    const s = await open();
    for (const id of ids) await s.insertConnector(connector(id, `Name ${id}`), created);
    return s;
  };
  const keys = (rows: ActivityRow[]) => rows.map((r) => r.id);

  describe(`${engine} activity store`, () => {
    it("when a page is committed, then its rows and its checkpoint are stored together", async () => {
      const s = await withConnectors("c1");
      const cursor = { ...run.cursor, offset: 3, lastRowTime: row(2).requestTime };
      expect(await s.commitActivityPage("c1", [row(0), row(1), row(2)], { run: { ...run, rows: 3, cursor } })).toEqual({ inserted: 3 });
      expect((await s.getSyncState("c1"))?.run).toEqual({ ...run, rows: 3, cursor });
      expect(await s.countActivity({ connectorId: "c1" })).toBe(3);
      await s.close();
    });

    it("when Workday sends text with NUL characters, then the page the sync makes of it is stored and reads back with U+FFFD", async () => {
      const s = await withConnectors("c1");
      const page = parseActivityPage({
        data: [
          { requestTime: "2026-03-01T00:00:01.000Z", systemAccount: "lm\u0000", userAgent: "UA\u0000x", target: { id: "w\u0000", descriptor: "D\u0000" } },
        ],
        total: 1,
      });
      if (!page.ok) throw new Error(page.problem);
      expect(await s.commitActivityPage("c1", withKeys(page.rows), { run: { ...run, rows: 1 } })).toEqual({ inserted: 1 });
      const [stored] = await s.listActivity({ filter: { connectorId: "c1" }, order: "asc", limit: 10 });
      expect(stored).toMatchObject({ systemAccount: "lm\uFFFD", userAgent: "UA\uFFFDx", target: { id: "w\uFFFD", descriptor: "D\uFFFD" } });
      await s.close();
    });

    it("when the same rows come again (retry, restart, overlapping window), then none is stored twice", async () => {
      const s = await withConnectors("c1");
      await s.commitActivityPage("c1", [row(0), row(1), row(2)], {});
      expect(await s.commitActivityPage("c1", [row(1), row(2), row(3)], { coveredUntil: "x" })).toEqual({ inserted: 1 });
      expect(await s.commitActivityPage("c1", [row(3), row(3)], {})).toEqual({ inserted: 0 });
      expect(await s.countActivity({})).toBe(4);
      await s.close();
    });

    it("when the same Workday row is stored for two connectors, then each keeps its copy", async () => {
      const s = await withConnectors("c1", "c2");
      await s.commitActivityPage("c1", [row(0)], {});
      await s.commitActivityPage("c2", [row(0)], {});
      expect(await s.countActivity({})).toBe(2);
      await s.close();
    });

    it("when a page is committed under a lease, then it is stored while its owner holds the lease, and nothing of it once another owner took the lease over", async () => {
      const s = await withConnectors("c1", "c2");
      const t0 = new Date("2026-03-08T00:00:00.000Z");
      expect(await s.tryAcquireLease("sync:c1", "replica-a", 1000, t0)).toBe(true);
      const fence = { key: "sync:c1", owner: "replica-a" };
      expect(await s.commitActivityPage("c1", [row(0), row(1)], { run: { ...run, rows: 2 } }, undefined, fence)).toEqual({ inserted: 2 });
      // Replica A stalls past the lease's expiry; B takes the sync over. A's next page must not land.
      expect(await s.tryAcquireLease("sync:c1", "replica-b", 1000, new Date(t0.getTime() + 5000))).toBe(true);
      const late = s.commitActivityPage("c1", [row(2), row(3)], { run: { ...run, rows: 4 }, coveredUntil: "2026-03-02T00:00:00.000Z" }, undefined, fence);
      await expect(late).rejects.toMatchObject({ code: LEASE_LOST });
      expect(await s.countActivity({ connectorId: "c1" })).toBe(2);
      expect(await s.getSyncState("c1")).toMatchObject({ run: { rows: 2 }, coveredUntil: null });
      // The new owner's pages land; so do A's on a lease it still holds past its expiry (nobody took it).
      expect(await s.commitActivityPage("c1", [row(2)], {}, undefined, { key: "sync:c1", owner: "replica-b" })).toEqual({ inserted: 1 });
      expect(await s.tryAcquireLease("sync:c2", "replica-a", 1000, t0)).toBe(true);
      expect(await s.commitActivityPage("c2", [row(9)], {}, undefined, { key: "sync:c2", owner: "replica-a" })).toEqual({ inserted: 1 });
      await s.close();
    });

    it("when a commit fails part-way, then neither its rows nor its checkpoint are stored", async () => {
      const s = await withConnectors("c1");
      const broken = { ...row(2), requestTime: null } as unknown as StoredActivityRow;
      await expect(s.commitActivityPage("c1", [row(0), row(1), broken], { coveredUntil: "2026-03-02T00:00:00.000Z" })).rejects.toThrow();
      expect(await s.countActivity({})).toBe(0);
      expect((await s.getSyncState("c1"))?.coveredUntil ?? null).toBeNull();
      await s.close();
    });

    it("when listing, then rows come newest first by default, paged by offset or by keyset, with all fields", async () => {
      const s = await withConnectors("c1");
      await s.commitActivityPage(
        "c1",
        Array.from({ length: 10 }, (_, i) => row(i)),
        {},
      );
      const first = await s.listActivity({ filter: { connectorId: "c1" }, order: "desc", limit: 4 });
      expect(keys(first)).toEqual(["k0009", "k0008", "k0007", "k0006"]);
      expect(keys(await s.listActivity({ filter: {}, order: "desc", limit: 4, offset: 4 }))).toEqual(["k0005", "k0004", "k0003", "k0002"]);
      const last = first.at(-1);
      const after = { requestTime: last?.requestTime ?? "", connectorId: "c1", key: last?.id ?? "" };
      expect(keys(await s.listActivity({ filter: {}, order: "desc", limit: 4, after }))).toEqual(["k0005", "k0004", "k0003", "k0002"]);
      expect(keys(await s.listActivity({ filter: {}, order: "asc", limit: 2 }))).toEqual(["k0000", "k0001"]);
      expect(first[3]).toEqual({
        id: "k0006",
        connectorId: "c1",
        requestTime: "2026-03-01T00:00:06.000Z",
        systemAccount: "lmartin",
        accountName: null,
        taskId: "t0",
        taskDisplayName: "View Worker",
        activityAction: "READ",
        ipAddress: "10.0.0.2",
        userAgent: "UA",
        deviceType: "Desktop",
        sessionId: "s1",
        target: { id: "w6", descriptor: "Worker 6", href: null },
      });
      expect((await s.listActivity({ filter: {}, order: "asc", limit: 2 }))[1]?.target).toBeNull();
      await s.close();
    });

    it("when rows share a time, then keyset paging neither skips nor repeats any of them", async () => {
      const s = await withConnectors("c1", "c2");
      const same = "2026-03-01T00:00:00.000Z";
      await s.commitActivityPage(
        "c1",
        [0, 1, 2].map((i) => row(i, { requestTime: same })),
        {},
      );
      await s.commitActivityPage(
        "c2",
        [0, 1, 2].map((i) => row(i, { requestTime: same })),
        {},
      );
      const seen: string[] = [];
      for await (const r of s.streamActivity({}, "desc", 2)) seen.push(`${r.connectorId}/${r.id}`);
      expect(seen).toEqual(["c2/k0002", "c2/k0001", "c2/k0000", "c1/k0002", "c1/k0001", "c1/k0000"]);
      await s.close();
    });

    it("when filtering, then each filter narrows as documented", async () => {
      const s = await withConnectors("c1", "c2");
      await s.commitActivityPage(
        "c1",
        Array.from({ length: 12 }, (_, i) => row(i)),
        {},
      );
      await s.commitActivityPage("c2", [row(100)], {});
      const count = (f: Parameters<Store["countActivity"]>[0]) => s.countActivity(f);
      expect(await count({ connectorId: "c2" })).toBe(1);
      expect(await count({ connectorId: "c1", account: "ada" })).toBe(6);
      expect(await count({ connectorId: "c1", task: "t1" })).toBe(4);
      expect(await count({ connectorId: "c1", task: "view" })).toBe(4);
      expect(await count({ connectorId: "c1", task: "100%_" })).toBe(4);
      expect(await count({ connectorId: "c1", task: "100%x" })).toBe(0);
      expect(await count({ connectorId: "c1", action: "READ" })).toBe(4);
      expect(await count({ connectorId: "c1", action: "OTHER" })).toBe(4);
      expect(await count({ connectorId: "c1", ipAddress: "10.0.0.1" })).toBe(3);
      expect(await count({ connectorId: "c1", deviceType: "Mobile" })).toBe(6);
      expect(await count({ connectorId: "c1", sessionId: "s0" })).toBe(3);
      expect(await count({ connectorId: "c1", from: "2026-03-01T00:00:02.000Z", to: "2026-03-01T00:00:05.000Z" })).toBe(3);
      expect(await count({ connectorId: "c1", account: "ada", action: "WRITE", deviceType: "Mobile" })).toBe(2);
      await s.close();
    });

    it("when activity is listed across more connectors than one SQL statement can name, then pages and the stream hold every row once, in order", async () => {
      // 600 connectors: past SQLite's 500 terms in a compound SELECT and past a 200-connector read.
      const ids = Array.from({ length: 600 }, (_, i) => `m${String(i).padStart(3, "0")}`);
      const s = await withConnectors(...ids);
      const expected: string[] = [];
      for (const [n, id] of ids.entries()) {
        // Connectors' rows interleave in time, and some share a time with another connector's.
        const rows = [row(n % 50, { key: `a${n}` }), row((n * 7) % 90, { key: `b${n}` })];
        await s.commitActivityPage(id, rows, {});
        for (const r of rows) expected.push(`${r.requestTime} ${id} ${r.key}`);
      }
      expected.sort();
      const label = (r: ActivityRow) => `${r.requestTime} ${r.connectorId} ${r.id}`;
      expect((await s.listActivity({ filter: {}, order: "asc", limit: 30 })).map(label)).toEqual(expected.slice(0, 30));
      expect((await s.listActivity({ filter: {}, order: "desc", limit: 25, offset: 700 })).map(label)).toEqual([...expected].reverse().slice(700, 725));
      const from = "2026-03-01T00:00:40.000Z";
      expect((await s.listActivity({ filter: { from, deviceType: "Mobile" }, order: "asc", limit: 1000 })).map(label)).toEqual(
        expected.filter((e) => e >= from && Number(e.slice(17, 19)) % 2 === 1),
      );
      const streamed: string[] = [];
      for await (const r of s.streamActivity({}, "desc", 97)) streamed.push(label(r));
      expect(streamed).toEqual([...expected].reverse());
      await s.close();
    });

    it("when a page across connectors lies more than 10,000 rows deep, then it is the same page as the order of all rows gives", async () => {
      const s = await withConnectors("c1", "c2", "c3");
      // Row n (its own second) goes to connector n % 3: the order of all 10,200 rows is n's.
      const all = Array.from({ length: 10_200 }, (_, n) => row(n, { key: `n${String(n).padStart(5, "0")}` }));
      for (const c of [0, 1, 2])
        await s.commitActivityPage(
          `c${c + 1}`,
          all.filter((_, n) => n % 3 === c),
          {},
        );
      expect(keys(await s.listActivity({ filter: {}, order: "asc", limit: 50, offset: 10_020 }))).toEqual(all.slice(10_020, 10_070).map((r) => r.key));
      expect(keys(await s.listActivity({ filter: {}, order: "desc", limit: 50, offset: 10_180 }))).toEqual(
        all
          .map((r) => r.key)
          .reverse()
          .slice(10_180, 10_200),
      );
      expect(await s.listActivity({ filter: {}, order: "asc", limit: 50, offset: 10_200 })).toEqual([]);
      await s.close();
    });

    it("when streaming in small chunks, then every matching row comes once, in order", async () => {
      const s = await withConnectors("c1");
      await s.commitActivityPage(
        "c1",
        Array.from({ length: 25 }, (_, i) => row(i)),
        {},
      );
      const out: string[] = [];
      for await (const r of s.streamActivity({ connectorId: "c1", account: "lmartin" }, "asc", 4)) out.push(r.id);
      expect(out).toEqual(Array.from({ length: 13 }, (_, i) => `k${String(i * 2).padStart(4, "0")}`));
      await s.close();
    });

    it("when pruning, then only that connector's rows before the cutoff go", async () => {
      const s = await withConnectors("c1", "c2");
      await s.commitActivityPage(
        "c1",
        Array.from({ length: 6 }, (_, i) => row(i)),
        {},
      );
      await s.commitActivityPage(
        "c2",
        Array.from({ length: 6 }, (_, i) => row(i)),
        {},
      );
      expect(await s.pruneActivity("c1", "2026-03-01T00:00:04.000Z")).toBe(4);
      expect(await s.countActivity({ connectorId: "c1" })).toBe(2);
      expect(await s.countActivity({ connectorId: "c2" })).toBe(6);
      await s.close();
    });

    it("when accounts are replaced, then the old list is gone and rows show the worker's name", async () => {
      const s = await withConnectors("c1");
      const account = (workerId: string, systemAccount: string | null, name: string) => ({
        workerId,
        systemAccount,
        name,
        email: null,
        businessTitle: null,
        organization: null,
        isManager: false,
      });
      await s.replaceWorkers("c1", [account("w0", "old", "Old One")], "2026-03-01T00:00:00.000Z");
      await s.replaceWorkers("c1", [account("w1", "lmartin", "Logan Martin"), account("w2", null, "No Account")], "2026-03-02T00:00:00.000Z");
      expect((await s.listWorkers("c1")).map((a) => a.name)).toEqual(["Logan Martin", "No Account"]);
      expect((await s.getSyncState("c1"))?.workersRefreshedAt).toBe("2026-03-02T00:00:00.000Z");
      await s.commitActivityPage("c1", [row(0), row(1), row(2, { systemAccount: "LMartin" })], {});
      const names = (await s.listActivity({ filter: {}, order: "asc", limit: 10 })).map((r) => r.accountName);
      expect(names).toEqual(["Logan Martin", null, "Logan Martin"]);
      await s.close();
    });

    it("when consent rows are listed for a window, then those with an account inside it come oldest first, with the worker's name", async () => {
      const s = await withConnectors("c1", "c2");
      const consent = (i: number, systemAccount: string) => row(i, { key: `c${i}`, systemAccount, taskDisplayName: "Submit OAuth 2.0 Consent (Web Service)" });
      await s.commitActivityPage("c1", [row(1), consent(2, "earlier"), consent(5, ""), consent(7, "ISU_One"), consent(8, "later"), row(9)], {});
      await s.commitActivityPage("c2", [consent(6, "other")], {});
      await s.replaceWorkers(
        "c1",
        [{ workerId: "w", systemAccount: "isu_one", name: "Integration One", email: null, businessTitle: null, organization: null, isManager: false }],
        "t",
      );
      const at = (i: number) => row(i).requestTime;
      const task = "Submit OAuth 2.0 Consent (Web Service)";
      expect(await s.listTaskRows("c1", { from: at(2), to: at(9) }, task, 10)).toEqual([
        { systemAccount: "earlier", requestTime: at(2), accountName: null },
        { systemAccount: "ISU_One", requestTime: at(7), accountName: "Integration One" },
        { systemAccount: "later", requestTime: at(8), accountName: null },
      ]);
      expect(await s.listTaskRows("c1", { from: at(3), to: at(9) }, task, 1)).toEqual([
        { systemAccount: "ISU_One", requestTime: at(7), accountName: "Integration One" },
      ]);
      expect(await s.listTaskRows("c1", { from: at(3), to: at(7) }, task, 10)).toEqual([]);
      expect(await s.listTaskRows("c1", { from: at(3), to: at(9) }, "View Worker", 10)).toEqual([]);
      expect(await s.findAccountName("c1", "ISU_ONE")).toBe("Integration One");
      expect(await s.findAccountName("c1", "nobody")).toBeNull();
      expect(await s.findAccountName("c2", "isu_one")).toBeNull();
      await s.close();
    });

    it("when the account filter is a sign-in name or a worker's full name in another case, then that account's rows match, on this connector only", async () => {
      const s = await withConnectors("c1", "c2");
      const worker = (workerId: string, systemAccount: string | null, name: string) => ({
        workerId,
        systemAccount,
        name,
        email: null,
        businessTitle: null,
        organization: null,
        isManager: false,
      });
      await s.replaceWorkers("c1", [worker("w1", "bgarcia", "Bruno Garcia"), worker("w2", "eduval", "Élodie  Duval"), worker("w3", null, "No Account")], "t");
      await s.replaceWorkers("c2", [worker("w9", "ada", "Bruno Garcia")], "t");
      await s.commitActivityPage(
        "c1",
        [row(0, { systemAccount: "bgarcia" }), row(1, { systemAccount: "BGarcia" }), row(2, { systemAccount: "eduval" }), row(3)],
        {},
      );
      await s.commitActivityPage("c2", [row(4, { systemAccount: "bgarcia" }), row(5, { systemAccount: "ada" })], {});
      const count = (connectorId: string | undefined, account: string) => s.countActivity({ ...(connectorId ? { connectorId } : {}), account });
      expect(await count("c1", "bruno garcia")).toBe(2);
      expect(await count("c1", " BRUNO   GARCIA ")).toBe(2);
      expect(await count("c1", "BGARCIA")).toBe(2);
      expect(await count("c1", "élodie duval")).toBe(1);
      expect(await count("c1", "ÉLODIE DUVAL")).toBe(1);
      expect(await count("c1", "bruno")).toBe(0);
      expect(await count("c1", "no account")).toBe(0);
      // The name resolves per connector: c2's "Bruno Garcia" is its account "ada".
      expect(await count("c2", "bruno garcia")).toBe(1);
      expect(await count(undefined, "bruno garcia")).toBe(3);
      const listed = await s.listActivity({ filter: { account: "Bruno Garcia" }, order: "asc", limit: 10 });
      expect(listed.map((r) => [r.connectorId, r.systemAccount])).toEqual([
        ["c1", "bgarcia"],
        ["c1", "BGarcia"],
        ["c2", "ada"],
      ]);
      await s.close();
    });

    it("when sync state is saved in parts, then settings, run, errors and times read back", async () => {
      const s = await withConnectors("c1", "c2");
      expect(await s.getSyncState("c1")).toBeNull();
      await s.saveSyncState("c1", { settings: { backfillDays: 3, pollIntervalMinutes: null, lagMinutes: 0, retentionDays: null } });
      const st = await s.saveSyncState("c1", {
        run,
        nextSyncAt: "n",
        lastError: { reasonCode: "rate_limited", at: "a", detail: null },
        pendingResync: { from: "f", to: "t" },
      });
      expect(st).toMatchObject({
        connectorId: "c1",
        settings: { backfillDays: 3, pollIntervalMinutes: null, lagMinutes: 0, retentionDays: null },
        run,
        nextSyncAt: "n",
        lastError: { reasonCode: "rate_limited" },
        pendingResync: { from: "f", to: "t" },
        coveredUntil: null,
      });
      expect((await s.saveSyncState("c1", { run: null, lastError: null })).run).toBeNull();
      await s.saveSyncState("c2", {});
      expect((await s.listSyncStates()).map((x) => x.connectorId)).toEqual(["c1", "c2"]);
      await s.close();
    });

    it("when a connector is deleted, then its activity, sync state and accounts go with it", async () => {
      const s = await withConnectors("c1");
      await s.commitActivityPage("c1", [row(0)], { coveredUntil: "x" });
      await s.replaceWorkers(
        "c1",
        [{ workerId: "w", systemAccount: "a", name: "A", email: null, businessTitle: null, organization: null, isManager: true }],
        "t",
      );
      await s.deleteConnector("c1");
      expect(await s.countActivity({})).toBe(0);
      expect(await s.getSyncState("c1")).toBeNull();
      expect(await s.listWorkers("c1")).toEqual([]);
      await s.close();
    });
  });
}
