import { describe, expect, it } from "vitest";
import type { ConnectorRecord, Store } from "../src/store/types";
import type { HandoffLinkRecord } from "../src/handoff";

/** Hand-off link storage every store must share; part of describeStoreContract. */
export function describeHandoffStoreContract(engine: string, open: () => Promise<Store>, connector: (id: string, name: string) => ConnectorRecord) {
  const t0 = "2026-11-29T10:00:00.000Z";
  const created = { at: t0, from: null, to: "pending_configuration" as const, reasonCode: null, actor: "tester" };
  const link = (id: string, over: Partial<HandoffLinkRecord> = {}): HandoffLinkRecord => ({
    id,
    connectorId: "c1",
    tokenHash: `hash-${id}`,
    createdBy: "Ada Admin",
    createdById: "u1",
    createdAt: t0,
    expiresAt: "2026-11-30T10:00:00.000Z",
    revokedAt: null,
    revokedBy: null,
    usedAt: null,
    lastStep: null,
    lastStepAt: null,
    lastIp: null,
    lastUserAgent: null,
    expiryRecordedAt: null,
    resultHash: null,
    resultExpiresAt: null,
    ...over,
  });
  const use = (step: HandoffLinkRecord["lastStep"] & string, at: string) => ({ step, at, ip: "203.0.113.9", userAgent: "Firefox" });

  async function withStore(run: (s: Store) => Promise<void>) {
    const s = await open();
    try {
      await s.insertConnector(connector("c1", "One"), created);
      await s.insertConnector(connector("c2", "Two"), created);
      await run(s);
    } finally {
      await s.close();
    }
  }

  describe(`${engine} hand-off link store`, () => {
    it("when links are stored, then they are found by id, token hash and results hash, and listed per connector newest first", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        await s.insertHandoffLink(link("b", { createdAt: "2026-11-29T11:00:00.000Z", resultHash: "result-b" }));
        await s.insertHandoffLink(link("other", { connectorId: "c2" }));
        expect(await s.getHandoffLink("a")).toEqual(link("a"));
        expect((await s.getHandoffLinkByTokenHash("hash-b"))?.id).toBe("b");
        expect((await s.getHandoffLinkByResultHash("result-b"))?.id).toBe("b");
        expect(await s.getHandoffLinkByTokenHash("nope")).toBeNull();
        expect((await s.listHandoffLinks("c1")).map((l) => l.id)).toEqual(["b", "a"]);
      });
    });

    it("when the same token hash is stored twice, then the second insert is refused", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        await expect(s.insertHandoffLink(link("b", { tokenHash: "hash-a" }))).rejects.toThrow();
      });
    });

    it("when uses are recorded, then the step only moves forward and the client is the latest", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        await s.recordHandoffUse("a", use("consent_started", "2026-11-29T10:05:00.000Z"));
        await s.recordHandoffUse("a", { ...use("opened", "2026-11-29T10:06:00.000Z"), ip: "198.51.100.1" });
        expect(await s.getHandoffLink("a")).toMatchObject({ lastStep: "consent_started", lastStepAt: "2026-11-29T10:06:00.000Z", lastIp: "198.51.100.1" });
      });
    });

    it("when a link is spent, then a second spend and a revoke change nothing", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        const result = { hash: "ticket", expiresAt: "2026-11-29T10:20:00.000Z" };
        expect(await s.spendHandoffLink("a", use("consent_completed", "2026-11-29T10:05:00.000Z"), result)).toBe(true);
        expect(await s.spendHandoffLink("a", use("consent_completed", "2026-11-29T10:06:00.000Z"), { ...result, hash: "ticket-2" })).toBe(false);
        expect(await s.revokeHandoffLink("a", "2026-11-29T10:07:00.000Z", "Ada Admin")).toBe(false);
        expect(await s.getHandoffLink("a")).toMatchObject({
          usedAt: "2026-11-29T10:05:00.000Z",
          lastStep: "consent_completed",
          resultHash: "ticket",
          resultExpiresAt: "2026-11-29T10:20:00.000Z",
          revokedAt: null,
        });
      });
    });

    it("when a link is revoked, then it cannot be spent or revoked again", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        expect(await s.revokeHandoffLink("a", "2026-11-29T10:07:00.000Z", "Ada Admin")).toBe(true);
        expect(await s.revokeHandoffLink("a", "2026-11-29T10:08:00.000Z", "Ada Admin")).toBe(false);
        expect(await s.spendHandoffLink("a", use("consent_completed", "2026-11-29T10:09:00.000Z"), { hash: "t", expiresAt: t0 })).toBe(false);
        expect(await s.getHandoffLink("a")).toMatchObject({ revokedAt: "2026-11-29T10:07:00.000Z", revokedBy: "Ada Admin", usedAt: null, resultHash: null });
      });
    });

    it("when an expiry is recorded twice, then only the first says so", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        expect(await s.recordHandoffExpiry("a", "2026-12-01T00:00:00.000Z")).toBe(true);
        expect(await s.recordHandoffExpiry("a", "2026-12-01T00:01:00.000Z")).toBe(false);
        expect((await s.getHandoffLink("a"))?.expiryRecordedAt).toBe("2026-12-01T00:00:00.000Z");
      });
    });

    it("when a consent attempt is started through a link, then the transaction keeps the link and no session", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        const tx = {
          stateHash: "h1",
          connectorId: "c1",
          sessionId: null,
          handoffLinkId: "a",
          codeVerifierEnc: "v1.x",
          redirectUri: "http://localhost/cb",
          tokenEndpoint: "https://t",
          clientId: "id",
          mode: "popup" as const,
          createdAt: t0,
          expiresAt: "2026-11-29T10:10:00.000Z",
        };
        await s.insertTransaction(tx);
        expect(await s.takeTransaction("h1")).toEqual(tx);
      });
    });

    it("when the connector is deleted, then its links go with it", async () => {
      await withStore(async (s) => {
        await s.insertHandoffLink(link("a"));
        await s.deleteConnector("c1");
        expect(await s.getHandoffLink("a")).toBeNull();
      });
    });
  });
}
