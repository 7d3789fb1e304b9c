import { describe, expect, it } from "vitest";
import type { ConnectorRecord, Store } from "../src/store/types";

/** Lease behaviour every store must share; part of describeStoreContract. */
export function describeLeaseContract(engine: string, open: () => Promise<Store>, connector: (id: string, name: string) => ConnectorRecord) {
  const t0 = new Date("2026-11-29T10:00:00.000Z");
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const ttl = 30_000;
  const created = { at: t0.toISOString(), from: null, to: "pending_configuration" as const, reasonCode: null, actor: "tester" };
  const due = async (s: Store, id: string, nextCheckAt: string | null) => s.insertConnector({ ...connector(id, `Name ${id}`), nextCheckAt }, created);

  describe(`${engine} leases`, () => {
    it("when two owners contend for a free lease, then only the first gets it", async () => {
      const s = await open();
      expect(await s.tryAcquireLease("job", "a", ttl, t0)).toBe(true);
      expect(await s.tryAcquireLease("job", "b", ttl, later(1000))).toBe(false);
      expect(await s.renewLease("job", "b", ttl, later(1000))).toBe(false);
      await s.close();
    });

    it("when both owners ask at the same moment, then exactly one holds the lease", async () => {
      const s = await open();
      const got = await Promise.all(["a", "b", "c", "d"].map((o) => s.tryAcquireLease("race", o, ttl, t0)));
      expect(got.filter(Boolean)).toHaveLength(1);
      await s.close();
    });

    it("when the holder acquires again, then the lease is extended from the new time", async () => {
      const s = await open();
      await s.tryAcquireLease("job", "a", ttl, t0);
      expect(await s.tryAcquireLease("job", "a", ttl, later(20_000))).toBe(true);
      expect(await s.tryAcquireLease("job", "b", ttl, later(40_000))).toBe(false);
      expect(await s.tryAcquireLease("job", "b", ttl, later(50_000))).toBe(true);
      await s.close();
    });

    it("when a lease expires, then another owner takes it over and the old holder's renew fails", async () => {
      const s = await open();
      await s.tryAcquireLease("job", "a", ttl, t0);
      expect(await s.renewLease("job", "a", ttl, later(10_000))).toBe(true);
      expect(await s.tryAcquireLease("job", "b", ttl, later(39_999))).toBe(false);
      expect(await s.tryAcquireLease("job", "b", ttl, later(40_000))).toBe(true);
      expect(await s.renewLease("job", "a", ttl, later(41_000))).toBe(false);
      expect(await s.renewLease("job", "b", ttl, later(41_000))).toBe(true);
      await s.close();
    });

    it("when a holder misses its renewal, then the expired lease is lost even if nobody took it", async () => {
      const s = await open();
      await s.tryAcquireLease("job", "a", ttl, t0);
      expect(await s.renewLease("job", "a", ttl, later(ttl))).toBe(false);
      await s.close();
    });

    it("when a lease is released, then only its holder's release frees it", async () => {
      const s = await open();
      await s.tryAcquireLease("job", "a", ttl, t0);
      await s.releaseLease("job", "b");
      expect(await s.tryAcquireLease("job", "b", ttl, t0)).toBe(false);
      await s.releaseLease("job", "a");
      expect(await s.tryAcquireLease("job", "b", ttl, t0)).toBe(true);
      expect(await s.renewLease("job", "a", ttl, t0)).toBe(false);
      await s.close();
    });

    it("when connectors are due, then claimDue leases the due ones, soonest first, up to the limit", async () => {
      const s = await open();
      await due(s, "late", "2026-11-29T09:59:00.000Z");
      await due(s, "early", "2026-11-29T09:00:00.000Z");
      await due(s, "now", t0.toISOString());
      await due(s, "future", "2026-11-29T10:00:00.001Z");
      await due(s, "never", null);
      expect(await s.claimDue("health", "a", 2, ttl, t0)).toEqual(["early", "late"]);
      expect(await s.claimDue("health", "b", 10, ttl, t0)).toEqual(["now"]);
      expect(await s.claimDue("health", "b", 10, ttl, t0)).toEqual([]);
      expect(await s.tryAcquireLease("health:early", "b", ttl, t0)).toBe(false);
      expect(await s.claimDue("other-kind", "b", 10, ttl, t0)).toEqual(["early", "late", "now"]);
      await s.close();
    });

    it("when a round passes its start as dueBy, then connectors due after it wait, while leases still expire by now", async () => {
      const s = await open();
      await due(s, "before", "2026-11-29T09:00:00.000Z");
      await due(s, "after", "2026-11-29T09:30:00.000Z");
      const roundStart = new Date("2026-11-29T09:10:00.000Z");
      expect(await s.claimDue("health", "a", 10, ttl, t0, roundStart)).toEqual(["before"]);
      expect(await s.claimDue("health", "b", 10, ttl, later(ttl), roundStart)).toEqual(["before"]);
      await s.close();
    });

    it("when a claimed lease expires or is released, then another owner can claim the connector", async () => {
      const s = await open();
      await due(s, "c1", "2026-11-29T09:00:00.000Z");
      await due(s, "c2", "2026-11-29T09:00:00.000Z");
      expect(await s.claimDue("health", "a", 10, ttl, t0)).toEqual(["c1", "c2"]);
      await s.releaseLease("health:c2", "a");
      expect(await s.claimDue("health", "b", 10, ttl, later(1000))).toEqual(["c2"]);
      expect(await s.claimDue("health", "b", 10, ttl, later(ttl))).toEqual(["c1"]);
      expect(await s.renewLease("health:c1", "a", ttl, later(ttl))).toBe(false);
      await s.close();
    });

    it("when owners claim at the same moment, then no connector goes to two owners", async () => {
      const s = await open();
      const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, "0")}`);
      for (const id of ids) await due(s, id, "2026-11-29T09:00:00.000Z");
      const claims = await Promise.all(["a", "b", "c"].map((o) => s.claimDue("health", o, 5, ttl, t0)));
      const all = claims.flat();
      expect(new Set(all).size).toBe(all.length);
      // A claimer whose pick was taken a moment earlier comes back short; the next tick gets the rest.
      const rest = await s.claimDue("health", "d", ids.length, ttl, t0);
      expect([...all, ...rest].sort()).toEqual(ids);
      await s.close();
    });
  });
}
