import { describe, expect, it } from "vitest";
import type { ConnectorRecord, Store, StoredActivityRow } from "../src/store/types";
import pino from "pino";
import { alertSession, createPolicyMatcher, type PolicyRecord } from "../src/policies";
import { APPLY_EXTENSIONS_EVERY } from "../src/policies/alert-session";
import { policyVersion } from "../src/policies/policies";
import { channelRecord } from "./channel-record";
import { policyRecord } from "./policy-record";
import { proxyRow } from "./proxy-row";

/** Policy and alert storage every store must share; part of describeStoreContract. */
export function describePolicyStoreContract(engine: string, open: () => Promise<Store>, connector: (id: string, name: string) => ConnectorRecord) {
  const t0 = Date.parse("2026-11-29T10:00:00.000Z");
  const iso = (ms: number) => new Date(t0 + ms).toISOString();
  const created = { at: iso(0), from: null, to: "pending_configuration" as const, reasonCode: null, actor: "tester" };
  const policy = (id: string, over: Partial<PolicyRecord> = {}): PolicyRecord => policyRecord(id, iso(0), over);
  const row = (key: string, minute: number, over: Partial<StoredActivityRow> = {}) => proxyRow(key, iso(minute * 60_000), over);
  const now = () => new Date(t0 + 3_600_000);
  /** A sync window's page writer, as the sync makes one. */
  const pages = (store: Store, rec: ConnectorRecord, at = now) =>
    alertSession({ store, policies: createPolicyMatcher({ store, log: pino({ level: "silent" }) }), now: at }, rec);
  const raised = async (s: ReturnType<typeof pages>, rows: StoredActivityRow[]) => (await s.storePage(rows, {})).raised.length;

  async function withConnector(id: string) {
    const store = await open();
    await store.insertConnector(connector(id, `Policies ${id}`), created);
    const rec = await store.getConnector(id);
    if (!rec) throw new Error("connector not stored");
    return { store, rec };
  }

  describe(`${engine}: policies and alerts`, () => {
    it("when a policy is stored, changed and deleted, then it reads back as written each time", async () => {
      const store = await open();
      try {
        const p = policy("p1", {
          connectorIds: ["c9"],
          threshold: { count: 3, withinMinutes: 10 },
          outsideHours: { timeZone: "Europe/Paris", days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" },
        });
        await store.insertPolicy(p);
        expect(await store.getPolicy("p1")).toEqual(p);
        const changed = { ...p, enabled: false, severity: "low" as const, updatedAt: iso(1000) };
        expect(await store.updatePolicy(changed)).toBe(true);
        expect(await store.getPolicy("p1")).toEqual(changed);
        expect((await store.listPolicies()).map((x) => x.id)).toEqual(["p1"]);
        expect(await store.deletePolicy("p1")).toBe(true);
        expect(await store.deletePolicy("p1")).toBe(false);
        expect(await store.getPolicy("p1")).toBeNull();
        expect(await store.updatePolicy({ ...changed, name: "Gone" }), "an update of a deleted policy").toBe(false);
        expect(await store.getPolicy("p1")).toBeNull();
      } finally {
        await store.close();
      }
    });

    it("when a page is stored with matches, then only rows stored for the first time count, and storing it twice raises one alert", async () => {
      const { store, rec } = await withConnector("pc1");
      try {
        await store.insertPolicy(policy("p2"));
        const [a, b, c] = [row("a", 1), row("b", 2), row("c", 3)];
        if (!a || !b || !c) throw new Error("rows");
        await store.commitActivityPage("pc1", [a], {});
        // `a` was stored before: a re-fetched page brings it again, with a match that must not count.
        const s = pages(store, rec);
        expect(await raised(s, [a, b, c])).toBe(1);
        expect(await raised(s, [a, b, c])).toBe(0);
        const alerts = await store.listAlerts({ limit: 10 });
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({
          policyId: "p2",
          account: "admin",
          rowCount: 2,
          firstRowAt: b.requestTime,
          lastRowAt: c.requestTime,
          status: "open",
          connectorName: "Policies pc1",
        });
        expect((await store.listAlertRows(alerts[0]?.id ?? "", 10)).map((r) => [r.id, r.taskDisplayName])).toEqual([
          ["b", "Start Proxy"],
          ["c", "Start Proxy"],
        ]);
        // A later match close in time joins the open alert instead of raising another, in a later window too.
        expect(await raised(pages(store, rec), [row("d", 30)])).toBe(0);
        expect((await store.listAlerts({ limit: 10 }))[0]).toMatchObject({ rowCount: 3, lastRowAt: row("d", 30).requestTime });
        expect(await store.countOpenAlertsByPolicy()).toEqual({ p2: 1 });
      } finally {
        await store.close();
      }
    });

    it("when a page raises alerts for several accounts, then each is stored with its rows and one activity.alert event, in the order raised, and a second store of the page adds none", async () => {
      const { store, rec } = await withConnector("pc7");
      try {
        await store.insertPolicy(policy("p8"));
        const accounts = ["ana", "bo", "cy"];
        const rows = accounts.flatMap((a, i) => [row(`${a}1`, i, { systemAccount: a }), row(`${a}2`, i + 5, { systemAccount: a })]);
        expect(await raised(pages(store, rec), rows)).toBe(3);
        expect(await raised(pages(store, rec), rows)).toBe(0);
        const alerts = await store.listAlerts({ limit: 10, connectorId: "pc7" });
        expect(alerts.map((a) => [a.account, a.rowCount]).sort()).toEqual(accounts.map((a) => [a, 2]));
        for (const a of alerts) expect((await store.listAlertRows(a.id, 10)).map((r) => r.id)).toEqual([`${a.account}1`, `${a.account}2`]);
        await store.insertChannel(channelRecord("ch7", iso(0), { name: "All alerts", events: ["activity.alert"] }));
        const queued: string[] = [];
        await store.fanOutEvents(100, iso(3_600_000), (_c, e) => {
          if (e.type === "activity.alert") queued.push(String(e.onceKey));
          return false;
        });
        // Raised for ana, bo, cy in turn (their first rows at minutes 0, 1, 2), each once.
        const raisedOrder = [...alerts].sort((x, y) => x.firstRowAt.localeCompare(y.firstRowAt));
        expect(queued).toEqual(raisedOrder.map((a) => `activity.alert:${a.id}`));
      } finally {
        await store.close();
      }
    });

    it("when an alert is resolved, then later matches raise a new alert, and the list pages newest first with counts by status", async () => {
      const { store, rec } = await withConnector("pc2");
      try {
        await store.insertPolicy(policy("p3"));
        const s = pages(store, rec, () => new Date(t0 + 7_200_000));
        await s.storePage([row("e", 1)], {});
        const [alert] = await store.listAlerts({ limit: 10, connectorId: "pc2" });
        expect(await store.alertStatusChanges("pc2")).toBe(0);
        const closed = await store.setAlertStatus(alert?.id ?? "", { status: "resolved", note: "fine", closedBy: "Ada", closedAt: iso(5 * 60_000) });
        expect(closed).toMatchObject({ status: "resolved", note: "fine", closedBy: "Ada" });
        const again = row("f", 10);
        expect(await raised(s, [again])).toBe(1);
        const list = await store.listAlerts({ limit: 1, connectorId: "pc2" });
        expect(list[0]).toMatchObject({ status: "open", firstRowAt: again.requestTime, rowCount: 1 });
        const next = await store.listAlerts({ limit: 1, connectorId: "pc2", after: { raisedAt: list[0]?.raisedAt ?? "", id: list[0]?.id ?? "" } });
        expect(next.map((a) => a.id)).toEqual([alert?.id]);
        expect(await store.countAlertsByStatus({ connectorId: "pc2" })).toEqual({ open: 1, resolved: 1 });
        expect(await store.listAlerts({ limit: 10, connectorId: "pc2", status: "resolved", account: "ADMIN" })).toHaveLength(1);
        expect(await store.setAlertStatus("al_none", { status: "open", note: null, closedBy: null, closedAt: null })).toBeNull();
        // Each change counts once for the alert's connector (the sync's held alerts are read again on it); a missing alert counts nothing.
        expect(await store.alertStatusChanges("pc2")).toBe(1);
        await store.setAlertStatus(alert?.id ?? "", { status: "open", note: null, closedBy: null, closedAt: null });
        expect(await store.alertStatusChanges("pc2")).toBe(2);
        // From a status it no longer has (someone else changed it meanwhile): nothing changes, nothing counts.
        const stale = { status: "dismissed" as const, note: "late", closedBy: "Bo", closedAt: iso(6 * 60_000), from: "resolved" as const };
        expect(await store.setAlertStatus(alert?.id ?? "", stale)).toBeNull();
        expect(await store.getAlert(alert?.id ?? "")).toMatchObject({ status: "open", note: null });
        expect(await store.alertStatusChanges("pc2")).toBe(2);
        expect(await store.setAlertStatus(alert?.id ?? "", { ...stale, from: "open" })).toMatchObject({ status: "dismissed", note: "late" });
        expect(await store.alertStatusChanges("pc2")).toBe(3);
        expect(await store.alertStatusChanges("pc1")).toBe(0);
      } finally {
        await store.close();
      }
    });

    it("when alerts are changed in bulk, then all the selection matches change at once only if as many as expected match, and each counts for its connector", async () => {
      const { store, rec } = await withConnector("pc11");
      try {
        await store.insertConnector(connector("pc12", "Policies pc12"), created);
        const other = await store.getConnector("pc12");
        if (!other) throw new Error("connector not stored");
        await store.insertPolicy(policy("p11"));
        const accounts = ["ana", "bo", "cy"];
        expect(
          await raised(
            pages(store, rec),
            accounts.map((acc, i) => row(`bulk-${acc}`, i, { systemAccount: acc })),
          ),
        ).toBe(3);
        expect(await raised(pages(store, other), [row("bulk-other", 1)])).toBe(1);
        const resolve = { status: "resolved" as const, note: "Planned audit.", closedBy: "Ada", closedAt: iso(9 * 60_000) };

        // Fewer expected than match (an alert raised since the list was read): nothing changes, nothing counts.
        expect(await store.setAlertsStatus({ connectorId: "pc11", status: "open" }, resolve, 2)).toEqual({ matched: 3, changed: false });
        expect(await store.countAlertsByStatus({ connectorId: "pc11" })).toEqual({ open: 3 });
        expect(await store.alertStatusChanges("pc11")).toBe(0);

        expect(await store.setAlertsStatus({ connectorId: "pc11", status: "open" }, resolve, 3)).toEqual({ matched: 3, changed: true });
        expect(await store.countAlertsByStatus({ connectorId: "pc11" })).toEqual({ resolved: 3 });
        for (const alert of await store.listAlerts({ limit: 10, connectorId: "pc11" })) expect(alert).toMatchObject(resolve);
        expect(await store.alertStatusChanges("pc11")).toBe(3);
        // The other connector's alert of the same policy is not in the selection.
        expect(await store.countAlertsByStatus({ connectorId: "pc12" })).toEqual({ open: 1 });
        expect(await store.alertStatusChanges("pc12")).toBe(0);

        // Narrowed by account (any case) and the status they have now; none left to change is no change.
        const reopen = { status: "open" as const, note: null, closedBy: null, closedAt: null };
        expect(await store.setAlertsStatus({ connectorId: "pc11", account: "BO", status: "resolved" }, reopen, 1)).toEqual({ matched: 1, changed: true });
        expect(await store.listAlerts({ limit: 10, connectorId: "pc11", status: "open" })).toMatchObject([{ account: "bo", note: null, closedBy: null }]);
        expect(await store.setAlertsStatus({ connectorId: "pc11", account: "bo", status: "resolved" }, reopen, 1)).toEqual({ matched: 0, changed: false });
        expect(await store.alertStatusChanges("pc11")).toBe(4);
      } finally {
        await store.close();
      }
    });

    it("when alerts are raised, changed one by one and in bulk, pruned and their connector deleted, then the kept counts always equal the alerts counted one by one", async () => {
      const { store, rec } = await withConnector("pc15");
      try {
        await store.insertConnector(connector("pc16", "Policies pc16"), created);
        const other = await store.getConnector("pc16");
        if (!other) throw new Error("connector not stored");
        await store.insertPolicy(policy("p15"));
        await store.insertPolicy(policy("p16", { severity: "low", condition: { field: "taskDisplayName", op: "is", values: ["Start Proxy"] } }));
        /** What the filters count, read alert by alert (the list reads the alerts themselves). */
        const counted = async (q: { connectorId?: string; policyId?: string; severity?: "low" | "medium" | "high" } = {}) => {
          const out: Record<string, number> = {};
          for (const a of await store.listAlerts({ ...q, limit: 1000 })) out[a.status] = (out[a.status] ?? 0) + 1;
          return out;
        };
        const agree = async (step: string) => {
          for (const q of [
            {},
            { connectorId: "pc15" },
            { connectorId: "pc16" },
            { policyId: "p16" },
            { severity: "low" as const },
            { connectorId: "pc15", policyId: "p15" },
          ]) {
            expect(await store.countAlertsByStatus(q), `${step} ${JSON.stringify(q)}`).toEqual(await counted(q));
          }
          const open: Record<string, number> = {};
          for (const a of await store.listAlerts({ status: "open", limit: 1000 })) open[a.policyId] = (open[a.policyId] ?? 0) + 1;
          expect(await store.countOpenAlertsByPolicy(), step).toEqual(open);
        };
        const accounts = ["ana", "bo", "cy", "di"];
        expect(
          await raised(
            pages(store, rec),
            accounts.map((acc, i) => row(`count-${acc}`, i * 10, { systemAccount: acc })),
          ),
        ).toBe(8);
        expect(await raised(pages(store, other), [row("count-other", 1)])).toBe(2);
        // The same page again raises nothing and counts nothing twice.
        expect(
          await raised(
            pages(store, rec),
            accounts.map((acc, i) => row(`count-${acc}`, i * 10, { systemAccount: acc })),
          ),
        ).toBe(0);
        await agree("raised");

        const [first] = await store.listAlerts({ connectorId: "pc15", policyId: "p15", limit: 1 });
        await store.setAlertStatus(first?.id ?? "", { status: "resolved", note: "n", closedBy: "Ada", closedAt: iso(15 * 60_000) });
        // A change from a status it no longer has changes nothing, and counts nothing.
        await store.setAlertStatus(first?.id ?? "", { status: "dismissed", note: "n", closedBy: "Ada", closedAt: iso(15 * 60_000), from: "open" });
        await agree("one resolved");
        const dismiss = { status: "dismissed" as const, note: "n", closedBy: "Ada", closedAt: iso(20 * 60_000) };
        expect(await store.setAlertsStatus({ connectorId: "pc15", policyId: "p16", status: "open" }, dismiss, 4)).toEqual({ matched: 4, changed: true });
        await agree("bulk dismissed");
        expect(await store.pruneClosedAlerts("pc15", iso(1e10))).toBe(5);
        await agree("pruned");
        expect(await store.deleteConnector("pc16")).toBe(true);
        await agree("connector deleted");
        expect(await store.countAlertsByStatus({})).toEqual({ open: 3 });
      } finally {
        await store.close();
      }
    });

    it("when closed alerts are pruned, then only those closed and last matched before the cutoff go, with their rows; open alerts stay however old", async () => {
      const { store, rec } = await withConnector("pc13");
      try {
        await store.insertPolicy(policy("p13"));
        const accounts = ["ana", "bo", "cy", "di"];
        expect(
          await raised(
            pages(store, rec),
            accounts.map((acc, i) => row(`prune-${acc}`, i * 10, { systemAccount: acc })),
          ),
        ).toBe(4);
        const byAccount = new Map((await store.listAlerts({ limit: 10, connectorId: "pc13" })).map((a) => [a.account, a]));
        const close = (account: string, status: "resolved" | "dismissed", closedAt: string) =>
          store.setAlertStatus(byAccount.get(account)?.id ?? "", { status, note: "n", closedBy: "Ada", closedAt });
        // ana and bo: closed before the cutoff; cy: closed after it; di: open.
        await close("ana", "resolved", iso(15 * 60_000));
        await close("bo", "dismissed", iso(25 * 60_000));
        await close("cy", "resolved", iso(90 * 60_000));
        const cutoff = iso(60 * 60_000);
        expect(await store.pruneClosedAlerts("pc13", cutoff)).toBe(2);
        expect((await store.listAlerts({ limit: 10, connectorId: "pc13" })).map((a) => a.account).sort()).toEqual(["cy", "di"]);
        expect(await store.getAlert(byAccount.get("ana")?.id ?? "")).toBeNull();
        expect(await store.listAlertRows(byAccount.get("ana")?.id ?? "", 10)).toEqual([]);
        expect(await store.listAlertRows(byAccount.get("cy")?.id ?? "", 10)).toHaveLength(1);
        // Much later: the open one stays all the same; another connector's cutoff deletes nothing here.
        expect(await store.pruneClosedAlerts("pc14", iso(1e10))).toBe(0);
        expect(await store.pruneClosedAlerts("pc13", iso(1e10))).toBe(1);
        expect((await store.listAlerts({ limit: 10, connectorId: "pc13" })).map((a) => [a.account, a.status])).toEqual([["di", "open"]]);
      } finally {
        await store.close();
      }
    });

    it("when a window's pages add rows to an open alert, then they are applied every few pages and with its last page, and deciding sees them before", async () => {
      const { store, rec } = await withConnector("pc5");
      try {
        await store.insertPolicy(policy("p6"));
        // One match every 40 minutes: each is within the hour of the one before, none of the first.
        // Past one apply period, so both the periodic apply and the last page's are exercised.
        const count = APPLY_EXTENSIONS_EVERY + 4;
        const rows = Array.from({ length: count }, (_, i) => row(`e${String(i).padStart(2, "0")}`, 40 * i));
        const session = pages(store, rec);
        let raisedCount = 0;
        for (const [i, r] of rows.entries()) {
          raisedCount += (await session.storePage([r], {}, { more: i < rows.length - 1 })).raised.length;
          if (i === 2) {
            // Recorded, not yet applied: the stored alert still shows its first row only.
            const [early] = await store.listAlerts({ limit: 10, connectorId: "pc5" });
            expect(early).toMatchObject({ rowCount: 1, lastRowAt: rows[0]?.requestTime });
          }
          if (i === APPLY_EXTENSIONS_EVERY) {
            // The page that completed an apply period applied every row recorded up to it.
            const [applied] = await store.listAlerts({ limit: 10, connectorId: "pc5" });
            expect(applied).toMatchObject({ rowCount: i + 1, lastRowAt: r.requestTime });
          }
        }
        // One alert: a later page extended it by the span this window held, not the stored one.
        expect(raisedCount).toBe(1);
        const [alert] = await store.listAlerts({ limit: 10, connectorId: "pc5" });
        expect(alert).toMatchObject({ rowCount: count, firstRowAt: rows[0]?.requestTime, lastRowAt: rows[count - 1]?.requestTime });
        expect(await store.listAlertRows(alert?.id ?? "", 100)).toHaveLength(count);
        expect(await store.applyAlertExtensions("pc5")).toBe(0);
      } finally {
        await store.close();
      }
    });

    it("when a window ends before applying what it recorded (a crash), then the next window applies it before deciding", async () => {
      const { store, rec } = await withConnector("pc6");
      try {
        await store.insertPolicy(policy("p7"));
        const rows = Array.from({ length: 5 }, (_, i) => row(`k${i}`, 40 * i));
        const first = pages(store, rec);
        for (const r of rows.slice(0, 3)) await first.storePage([r], {}, { more: true });
        // The process dies here: the rows are stored, two of them recorded for the alert only.
        const [before] = await store.listAlerts({ limit: 10, connectorId: "pc6" });
        expect(before).toMatchObject({ rowCount: 1 });
        const second = pages(store, rec);
        expect(await raised(second, rows.slice(3))).toBe(0);
        const alerts = await store.listAlerts({ limit: 10, connectorId: "pc6" });
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({ rowCount: 5, lastRowAt: rows[4]?.requestTime });
      } finally {
        await store.close();
      }
    });

    it("when a threshold burst goes on over many pages and a restart, then its one alert holds each row once and counts it once", async () => {
      const { store, rec } = await withConnector("pc4");
      try {
        await store.insertPolicy(policy("p5", { threshold: { count: 3, withinMinutes: 10 } }));
        // A row every 2 minutes, 3 to a page: every page's burst reaches back over the page before.
        const rows = Array.from({ length: 30 }, (_, i) => row(`b${String(i).padStart(2, "0")}`, 2 * i));
        let session = pages(store, rec);
        let total = 0;
        for (let p = 0; p < 10; p++) {
          if (p === 5) session = pages(store, rec); // a restart: history read back, not known to be alerted
          total += await raised(session, rows.slice(3 * p, 3 * p + 3));
        }
        expect(total).toBe(1);
        const [alert] = await store.listAlerts({ limit: 10, connectorId: "pc4" });
        expect(alert).toMatchObject({ rowCount: 30, firstRowAt: rows[0]?.requestTime, lastRowAt: rows[29]?.requestTime });
        const held = await store.listAlertRows(alert?.id ?? "", 100);
        expect(new Set(held.map((r) => r.id)).size).toBe(30);
      } finally {
        await store.close();
      }
    });

    it("when each page is decided while the page before it commits, then the alerts are those of storing the pages one by one, with a row served on two pages and a user's status change in between", async () => {
      const store = await open();
      try {
        for (const id of ["pq1", "pq2"]) await store.insertConnector(connector(id, `Policies ${id}`), created);
        const [queued, oneByOne] = await Promise.all(["pq1", "pq2"].map((id) => store.getConnector(id)));
        if (!queued || !oneByOne) throw new Error("connectors not stored");
        // An alert from an earlier window on each connector, for a user to act on during this one.
        await store.insertPolicy(policy("pq-old", { condition: { field: "taskDisplayName", op: "is", values: ["Old Task"] } }));
        for (const c of [queued, oneByOne]) await pages(store, c).storePage([row("old", -600, { taskDisplayName: "Old Task" })], {});
        await store.insertPolicy(policy("pq-every"));
        await store.insertPolicy(policy("pq-burst", { threshold: { count: 3, withinMinutes: 10 } }));
        // A row every 3 minutes, 4 to a page, each page starting with the last row of the one before.
        const rows = Array.from({ length: 25 }, (_, i) => row(`q${String(i).padStart(2, "0")}`, 3 * i));
        const pageRows = Array.from({ length: 8 }, (_, p) => rows.slice(3 * p, 3 * p + 4));
        // Commits start a moment after they are handed over, so the next page is always decided first.
        const late: Store = {
          ...store,
          commitActivityPage: async (...args) => {
            await new Promise((r) => setTimeout(r, 5));
            return store.commitActivityPage(...args);
          },
        };
        const pipelined = pages(late, queued);
        const [old] = await store.listAlerts({ limit: 10, connectorId: "pq1" });
        for (const [i, p] of pageRows.entries()) {
          await pipelined.queuePage(p, {}, { more: i < pageRows.length - 1 });
          if (i === 0) {
            // While the first page (which raises both alerts) commits, a user resolves and reopens
            // the old alert: the next page reads the alerts again, and must see the first page's.
            for (const status of ["resolved", "open"] as const) {
              await store.setAlertStatus(old?.id ?? "", { status, note: null, closedBy: null, closedAt: null });
            }
          }
        }
        const last = await pipelined.flush();
        expect(last.inserted).toBe(3);
        const sequential = pages(store, oneByOne);
        for (const [i, p] of pageRows.entries()) await sequential.storePage(p, {}, { more: i < pageRows.length - 1 });
        const shape = async (connectorId: string) =>
          Promise.all(
            (await store.listAlerts({ limit: 10, connectorId })).map(async (a) => ({
              policyId: a.policyId,
              rowCount: a.rowCount,
              firstRowAt: a.firstRowAt,
              lastRowAt: a.lastRowAt,
              rows: (await store.listAlertRows(a.id, 100)).map((r) => r.id).sort(),
            })),
          );
        const got = await shape("pq1");
        expect(got).toEqual(await shape("pq2"));
        // Each policy holds all 25 rows once, in one alert: a row served twice was not counted twice.
        expect(got.map((a) => [a.policyId, a.rowCount, new Set(a.rows).size]).sort()).toEqual([
          ["pq-burst", 25, 25],
          ["pq-every", 25, 25],
          ["pq-old", 1, 1],
        ]);
      } finally {
        await store.close();
      }
    });

    it("when a page's commit fails, then the page queued after it is not stored and the window fails with that commit's error", async () => {
      const { store, rec } = await withConnector("pq3");
      try {
        await store.insertPolicy(policy("pq-fail"));
        // Matches no policy, so the page is decided; its commit fails on the missing time.
        const broken = { ...row("f1", 0, { taskDisplayName: "Other" }), requestTime: null } as unknown as StoredActivityRow;
        const session = pages(store, rec);
        await session.queuePage([row("f0", 0), broken], { coveredUntil: iso(60_000) }, { more: true });
        await expect(session.queuePage([row("f2", 1)], { coveredUntil: iso(120_000) }, { more: true })).rejects.toThrow();
        await expect(session.flush()).rejects.toThrow();
        await expect(session.queuePage([row("f3", 2)], {}, {})).rejects.toThrow();
        expect(await store.countActivity({ connectorId: "pq3" })).toBe(0);
        expect(await store.listAlerts({ limit: 10, connectorId: "pq3" })).toEqual([]);
        expect((await store.getSyncState("pq3"))?.coveredUntil ?? null).toBeNull();
      } finally {
        await store.close();
      }
    });

    it("when a threshold policy's matches arrive over several pages and windows, then one alert opens only once the count is reached", async () => {
      const { store, rec } = await withConnector("pc3");
      try {
        await store.insertPolicy(policy("p4", { threshold: { count: 3, withinMinutes: 10 } }));
        const rows = [row("g1", 0), row("g2", 4), row("g3", 8), row("g4", 9)];
        const first = pages(store, rec);
        for (const r of rows.slice(0, 2)) expect(await raised(first, [r])).toBe(0);
        // A new window (a restart) reads the history the first one kept.
        const second = pages(store, rec);
        expect(await raised(second, [rows[2] as StoredActivityRow])).toBe(1);
        expect(await raised(second, [rows[3] as StoredActivityRow])).toBe(0);
        const alerts = await store.listAlerts({ limit: 10, connectorId: "pc3" });
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({ rowCount: 4, firstRowAt: rows[0]?.requestTime, lastRowAt: rows[3]?.requestTime });
        const p4 = await store.getPolicy("p4");
        if (!p4) throw new Error("policy vanished");
        expect((await store.keptMatches("pc3", iso(0), [{ id: "p4", version: policyVersion(p4) }])).map((m) => m.rowKey)).toEqual(["g1", "g2", "g3", "g4"]);
        // A changed policy counts only what its new version matched: the old history no longer counts.
        const changed = { ...p4, threshold: { count: 2, withinMinutes: 10 }, updatedAt: iso(3_600_000), effectiveFrom: iso(3_600_000) };
        await store.updatePolicy(changed);
        expect(await store.keptMatches("pc3", iso(0), [{ id: "p4", version: policyVersion(changed) }])).toEqual([]);
        expect(await raised(pages(store, rec), [row("g5", 30)])).toBe(0);
        expect(await raised(pages(store, rec), [row("g6", 32)])).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}
