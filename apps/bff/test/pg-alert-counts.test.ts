import { Pool } from "pg";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { alertSession, createPolicyMatcher } from "../src/policies";
import { foldAlertCounts } from "../src/policies/pg-alert-counts";
import { openPgStore } from "../src/store/pg-store";
import type { Store } from "../src/store/types";
import { connectorRecord } from "./connector-record";
import { pgTestDatabase } from "./pg-test-database";
import { policyRecord } from "./policy-record";
import { proxyRow } from "./proxy-row";

const baseUrl = process.env.WC_TEST_DATABASE_URL;
const t0 = Date.parse("2026-11-29T10:00:00.000Z");
const iso = (ms: number) => new Date(t0 + ms).toISOString();
const created = { at: iso(0), from: null, to: "connected" as const, reasonCode: null, actor: "tester" };

const row = (key: string, minute: number, account: string) => proxyRow(key, iso(minute * 60_000), { systemAccount: account });

/** What the counts should say, read alert by alert (the list reads the alerts themselves). */
async function counted(store: Store, q: { connectorId?: string; policyId?: string } = {}) {
  const out: Record<string, number> = {};
  for (const a of await store.listAlerts({ ...q, limit: 1000 })) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

async function openByPolicy(store: Store) {
  const out: Record<string, number> = {};
  for (const a of await store.listAlerts({ status: "open", limit: 1000 })) out[a.policyId] = (out[a.policyId] ?? 0) + 1;
  return out;
}

if (!baseUrl) {
  describe.skip("PostgreSQL alert counts: set WC_TEST_DATABASE_URL=postgres://… to run (scripts/test starts a throwaway cluster)", () => {
    it("needs a database", () => undefined);
  });
} else {
  const db = pgTestDatabase(baseUrl);
  afterAll(() => db.dispose());

  describe("PostgreSQL alert counts", () => {
    it("when one replica raises and extends alerts while another resolves and reopens them and both fold the counts, then nothing deadlocks and the counts equal the alerts", async () => {
      const url = await db.freshSchemaUrl();
      const [a, b] = await Promise.all([openPgStore(url), openPgStore(url)]);
      const pool = new Pool({ connectionString: url, max: 2 });
      try {
        await a.insertConnector(connectorRecord("cc1"), created);
        await a.insertPolicy(policyRecord("pa", iso(0)));
        await a.insertPolicy(policyRecord("pb", iso(0), { severity: "low" }));
        const rec = await a.getConnector("cc1");
        if (!rec) throw new Error("connector not stored");
        const session = alertSession({ store: a, policies: createPolicyMatcher({ store: a, log: pino({ level: "silent" }) }), now: () => new Date(t0) }, rec);
        const accounts = Array.from({ length: 12 }, (_, i) => `acct${i}`);
        let syncing = true;
        // Every page extends the open alerts of most accounts (applied in its transaction) and
        // raises new ones for the accounts whose alert the other replica closed meanwhile.
        const sync = (async () => {
          try {
            for (let page = 0; page < 30; page++) {
              await session.storePage(
                accounts.map((acc) => row(`r${page}-${acc}`, page * 2, acc)),
                {},
              );
              if (page % 5 === 4) await foldAlertCounts(pool);
            }
          } finally {
            syncing = false;
          }
        })();
        const closeAndReopen = (async () => {
          let round = 0;
          while (syncing) {
            const open = await b.listAlerts({ status: "open", limit: 4 });
            for (const alert of open) await b.setAlertStatus(alert.id, { status: "resolved", note: "n", closedBy: "Ada", closedAt: iso(0), from: "open" });
            const resolved = await b.countAlertsByStatus({ policyId: "pb" });
            if (round % 3 === 2 && resolved.resolved) {
              const reopen = { status: "open" as const, note: null, closedBy: null, closedAt: null };
              await b.setAlertsStatus({ policyId: "pb", status: "resolved" }, reopen, resolved.resolved);
            }
            await foldAlertCounts(pool);
            round++;
          }
        })();
        await Promise.all([sync, closeAndReopen]);

        const total = await counted(a);
        expect((total.open ?? 0) + (total.resolved ?? 0)).toBeGreaterThan(2 * accounts.length);
        expect(total.resolved, "the other replica closed some").toBeGreaterThan(0);
        for (const q of [{}, { policyId: "pa" }, { policyId: "pb" }, { connectorId: "cc1" }]) {
          expect(await a.countAlertsByStatus(q), `before the last fold ${JSON.stringify(q)}`).toEqual(await counted(a, q));
        }
        expect(await a.countOpenAlertsByPolicy()).toEqual(await openByPolicy(a));
        await foldAlertCounts(pool);
        expect((await pool.query("SELECT count(*)::int AS n FROM alert_count_changes")).rows[0]).toEqual({ n: 0 });
        for (const q of [{}, { policyId: "pa" }, { policyId: "pb" }]) {
          expect(await b.countAlertsByStatus(q), `after folding ${JSON.stringify(q)}`).toEqual(await counted(a, q));
        }
        expect(await b.countOpenAlertsByPolicy()).toEqual(await openByPolicy(a));
      } finally {
        await pool.end();
        await Promise.all([a.close(), b.close()]);
      }
    });

    it("when the counts migration meets a database that already holds alerts, then the counts it builds equal them", async () => {
      const url = await db.freshSchemaUrl();
      const a = await openPgStore(url);
      const pool = new Pool({ connectionString: url, max: 1 });
      try {
        await a.insertConnector(connectorRecord("cc2"), created);
        await a.insertPolicy(policyRecord("pm", iso(0)));
        const rec = await a.getConnector("cc2");
        if (!rec) throw new Error("connector not stored");
        const session = alertSession({ store: a, policies: createPolicyMatcher({ store: a, log: pino({ level: "silent" }) }), now: () => new Date(t0) }, rec);
        await session.storePage(
          ["x", "y", "z"].map((acc, i) => row(`m-${acc}`, i, acc)),
          {},
        );
        const [first] = await a.listAlerts({ limit: 1 });
        await a.setAlertStatus(first?.id ?? "", { status: "dismissed", note: "n", closedBy: "Ada", closedAt: iso(0) });
        // As the database was before migration 22: no kept counts.
        await pool.query(`DROP TRIGGER alert_count_changes_added ON activity_alerts; DROP TRIGGER alert_count_changes_removed ON activity_alerts;
          DROP TRIGGER alert_count_changes_changed ON activity_alerts; DROP FUNCTION alert_count_changes_added(); DROP FUNCTION alert_count_changes_removed();
          DROP FUNCTION alert_count_changes_changed(); DROP TABLE alert_counts; DROP TABLE alert_count_changes; DELETE FROM schema_migrations WHERE version = 22`);
      } finally {
        await pool.end();
        await a.close();
      }
      const b = await openPgStore(url);
      try {
        expect(await b.countAlertsByStatus({})).toEqual({ open: 2, dismissed: 1 });
        expect(await b.countAlertsByStatus({ policyId: "pm", connectorId: "cc2" })).toEqual({ open: 2, dismissed: 1 });
        expect(await b.countOpenAlertsByPolicy()).toEqual({ pm: 2 });
      } finally {
        await b.close();
      }
    });
  });
}
