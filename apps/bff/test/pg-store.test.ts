import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store";
import { PG_MIGRATIONS } from "../src/platform/store/pg-migrations";
import { openPgStore } from "../src/store/pg-store";
import { channelWants } from "../src/notifications/dispatcher";
import { channelRecord } from "./channel-record";
import { pgTestDatabase } from "./pg-test-database";
import { describeStoreContract } from "./store-contract";

const baseUrl = process.env.WC_TEST_DATABASE_URL;

if (!baseUrl) {
  describe.skip("PostgreSQL store: set WC_TEST_DATABASE_URL=postgres://… to run (scripts/test starts a throwaway cluster)", () => {
    it("needs a database", () => undefined);
  });
} else {
  const db = pgTestDatabase(baseUrl);
  afterAll(() => db.dispose());

  describeStoreContract("PostgreSQL", async () => openPgStore(await db.freshSchemaUrl()));

  describe("PostgreSQL migrations", () => {
    it("when several stores open a fresh database at once, then each migration is applied exactly once", async () => {
      const url = await db.freshDatabaseUrl();
      const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openPgStore(url)));
      await Promise.all(opened.flatMap((r) => (r.status === "fulfilled" ? [r.value.close()] : [])));
      expect(opened.map((r) => (r.status === "rejected" ? String(r.reason) : "opened"))).toEqual(Array(4).fill("opened"));
      const check = new Pool({ connectionString: url });
      const applied = await check.query("SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version");
      await check.end();
      expect(applied.rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, n: 1 })));
    });

    it("when a store reopens its schema, then nothing is re-applied and the data is still there", async () => {
      const url = await db.freshSchemaUrl();
      const a = await openPgStore(url);
      await a.createSession({ id: "s", userId: "u", userName: "U", role: "admin", createdAt: "t", lastSeenAt: "t", ip: null });
      await a.close();
      const b = await openPgStore(url);
      expect(await b.getSession("s")).not.toBeNull();
      await b.close();
    });
  });

  describe("PostgreSQL through DATABASE_URL", () => {
    it("when DATABASE_URL is postgresql://, then openStore opens PostgreSQL", async () => {
      const url = (await db.freshSchemaUrl()).replace(/^postgres:/, "postgresql:");
      const s = await openStore(url);
      await s.createSession({ id: "s", userId: "u", userName: "U", role: "admin", createdAt: "t", lastSeenAt: "t", ip: null });
      expect((await s.getSession("s"))?.userId).toBe("u");
      await s.close();
    });

    it("when the server cannot be reached, then the error names the host and not the password", async () => {
      const open = openStore("postgres://someone:hunter2@127.0.0.1:1/nothing");
      await expect(open).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1:1: /);
      await expect(open).rejects.not.toThrow(/hunter2/);
    });
  });

  describe("PostgreSQL notification fan-out across replicas", () => {
    it("when two replicas fan out alerts side by side to a channel limited to 3 an hour, then it gets exactly 3, the rest count as held back, and it is told so once and then how many once", async () => {
      const url = await db.freshSchemaUrl();
      const [a, b] = await Promise.all([openPgStore(url), openPgStore(url)]);
      try {
        const t0 = "2026-11-29T10:00:00.000Z";
        await a.insertChannel(channelRecord("capped", t0, { events: ["activity.alert"], alertHourlyLimit: 3 }));
        for (let i = 0; i < 40; i++) {
          await a.enqueueEvent({
            id: `e${i}`,
            type: "activity.alert",
            connectorId: null,
            channelId: null,
            onceKey: null,
            data: { severity: "low" },
            createdAt: t0,
          });
        }
        // Small batches, so both replicas take part (SKIP LOCKED hands each different events).
        const drain = async (s: typeof a) => {
          for (let i = 0; i < 25; i++) await s.fanOutEvents(2, t0, channelWants);
        };
        await Promise.all([drain(a), drain(b)]);
        await a.fanOutEvents(10, t0, channelWants);
        const jobs = await a.claimDueDeliveries("me", 100, 60_000, new Date("2026-11-29T10:01:00.000Z"));
        expect(jobs.filter((j) => j.event.type === "activity.alert")).toHaveLength(3);
        // And told once that its limit held alerts back, not once per replica.
        expect(jobs.filter((j) => j.event.type === "activity.alert_limit_reached")).toHaveLength(1);
        expect((await a.getChannel("capped"))?.alertsHeldBack).toBe(37);
        // Once the hour is over both replicas see the summary due: it is queued once, with the count.
        const later = "2026-11-29T11:00:00.000Z";
        await Promise.all([a.fanOutEvents(10, later, channelWants), b.fanOutEvents(10, later, channelWants)]);
        await Promise.all([a.fanOutEvents(10, later, channelWants), b.fanOutEvents(10, later, channelWants)]);
        const summaries = (await a.claimDueDeliveries("me", 100, 60_000, new Date("2026-11-29T11:01:00.000Z"))).filter(
          (j) => j.event.type === "activity.alert_limit_summary",
        );
        expect(summaries.map((j) => j.event.data.heldBack)).toEqual([37]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });

  describe("PostgreSQL delivery log retention across replicas", () => {
    it("when two replicas prune a log of 11,000 settled events at once, then every one goes once, in chunks, and nothing fails", async () => {
      const url = await db.freshSchemaUrl();
      const [a, b] = await Promise.all([openPgStore(url), openPgStore(url)]);
      const pool = new Pool({ connectionString: url, max: 1 });
      try {
        // Fanned out to no channel: settled at once. Inserted in one statement, as 11,000 calls take long.
        await pool.query(`INSERT INTO notification_outbox (id, type, connector_id, channel_id, once_key, data, created_at, fanned_out)
          SELECT 'old' || i, 'connector.status_changed', NULL, NULL, NULL, '{}', '2026-01-01T00:00:00.000Z', TRUE FROM generate_series(1, 11000) i`);
        const [x, y] = await Promise.all([a.pruneNotificationLog("2026-02-01T00:00:00.000Z"), b.pruneNotificationLog("2026-02-01T00:00:00.000Z")]);
        const left = await a.pruneNotificationLog("2026-02-01T00:00:00.000Z");
        expect(x.events + y.events + left.events).toBe(11_000);
        expect((await pool.query("SELECT count(*)::int AS n FROM notification_outbox")).rows[0]).toEqual({ n: 0 });
      } finally {
        await pool.end();
        await Promise.all([a.close(), b.close()]);
      }
    });
  });

  describe("PostgreSQL audit log", () => {
    it("when anything tries to update or delete an audit row, then the database refuses (append-only)", async () => {
      const url = await db.freshSchemaUrl();
      const store = await openPgStore(url);
      await store.appendAudit({
        at: "2026-11-29T10:00:00.000Z",
        actorId: "u",
        actorName: "U",
        action: "user.created",
        targetType: "user",
        targetId: "x",
        targetName: "x",
        ip: null,
        requestId: null,
        before: null,
        after: null,
      });
      await store.close();
      const raw = new Pool({ connectionString: url });
      await expect(raw.query("UPDATE audit_log SET actor_name = 'someone else'")).rejects.toThrow(/append-only/);
      await expect(raw.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
      expect((await raw.query("SELECT COUNT(*)::int AS n FROM audit_log")).rows).toEqual([{ n: 1 }]);
      await raw.end();
    });
  });
}
