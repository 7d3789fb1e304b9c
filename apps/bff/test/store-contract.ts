import { describe, expect, it } from "vitest";
import type { ConnectorRecord, OAuthTransaction, Store } from "../src/store/types";
import { NameTakenError } from "../src/store/types";
import { describeAuthStoreContract } from "./auth-store-contract";
import { describeLeaseContract } from "./lease-contract";
import { describeActivityStoreContract } from "./activity-store-contract";
import { describeNotificationStoreContract } from "./notification-store-contract";
import { describePolicyStoreContract } from "./policy-store-contract";
import { describeHandoffStoreContract } from "./handoff-store-contract";
import { describeApiTokenStoreContract } from "./api-token-store-contract";
import { connectorRecord } from "./connector-record";
import { describeConnectorListContract } from "./connector-list-contract";

/** Behaviour every store implementation must share; run against each engine. */
export function describeStoreContract(engine: string, open: () => Promise<Store>) {
  const at = "2026-11-29T10:00:00.000Z";
  const connector = (id: string, name: string): ConnectorRecord =>
    connectorRecord(id, {
      name,
      status: "pending_configuration",
      reasonCode: "setup_incomplete",
      wizardStep: "prerequisites",
      prerequisites: { a: false },
      tenantSetup: { b: true },
      createdBy: "tester",
      createdAt: at,
      updatedAt: at,
    });
  const created = { at, from: null, to: "pending_configuration" as const, reasonCode: "setup_incomplete", actor: "tester" };

  describeLeaseContract(engine, open, connector);
  describeAuthStoreContract(engine, open);

  describe(`${engine} store`, () => {
    it("when a connector is inserted, then it reads back field for field with its first timeline entry", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      expect(await s.getConnector("c1")).toEqual(connector("c1", "Prod"));
      expect(await s.listTimeline("c1")).toEqual([created]);
      await s.close();
    });

    it("when every field holds a value, then the connector reads back identical", async () => {
      const s = await open();
      const full: ConnectorRecord = {
        ...connector("c1", "Prod ünïcode ✓"),
        status: "connected",
        reasonCode: "r",
        wizardStep: "done",
        prerequisites: { a: true, b: false },
        tenantSetup: {},
        tenant: "acme",
        environment: "sandbox",
        environmentSource: "override",
        environmentReason: "because",
        clientId: "cid",
        clientSecretEnc: "v1.k.s",
        clientSecretHint: "…1234",
        restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme",
        tokenEndpoint: "https://t/token",
        authorizationEndpoint: "https://a/authorize",
        samlSso: true,
        clientAuthMethod: "client_secret_post",
        refreshTokenEnc: "v1.k.r",
        accessTokenEnc: "v1.k.a",
        accessTokenExpiresAt: "2026-11-29T11:00:00.000Z",
        consentGrantedBy: "admin",
        consentingAccount: { found: true, account: "isu_wdconnect", name: null, at: "2026-11-29T09:59:58.000Z", source: "activity_sync" },
        connectedAt: at,
        lastCheckAt: at,
        lastSuccessAt: at,
        lastConsent: { outcome: "error", reasonCode: "access_denied", detail: 'said "no"', at },
        consecutiveTransientFailures: 2,
        nextCheckAt: "2026-11-29T10:15:00.000Z",
        lastChecks: [{ id: "token", ok: false, skipped: false, reasonCode: "x", detail: "503", at, durationMs: 12.5 }],
        lastErrorDetail: "HTTP 503",
        updatedAt: "2026-11-29T10:01:00.000Z",
      };
      await s.insertConnector(full, created);
      expect(await s.getConnector("c1")).toEqual(full);
      expect(await s.listConnectors()).toEqual([full]);
      await s.close();
    });

    it("when connectors share a creation time, then they list in insertion order", async () => {
      const s = await open();
      for (const id of ["b", "c", "a"]) await s.insertConnector(connector(id, id), created);
      await s.insertConnector({ ...connector("z", "z"), createdAt: "2026-11-29T09:59:59.999Z" }, created);
      expect((await s.listConnectors()).map((c) => c.id)).toEqual(["z", "b", "c", "a"]);
      await s.close();
    });

    it("when a second connector takes the same name in another case, then NameTakenError", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await expect(s.insertConnector(connector("c2", "PROD"), created)).rejects.toBeInstanceOf(NameTakenError);
      expect(await s.listConnectors()).toHaveLength(1);
      await s.close();
    });

    it("when a connector is renamed to another's name in another case, then NameTakenError and nothing changes", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await s.insertConnector(connector("c2", "Test"), created);
      const entry = { at, from: "pending_configuration" as const, to: "connected" as const, reasonCode: null, actor: "x" };
      await expect(s.updateConnector("c2", { name: "pROD" }, entry)).rejects.toBeInstanceOf(NameTakenError);
      expect((await s.getConnector("c2"))?.name).toBe("Test");
      expect(await s.listTimeline("c2")).toEqual([created]);
      await s.close();
    });

    it("when an update carries a timeline entry, then both are stored together", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      const entry = { at, from: "pending_configuration" as const, to: "connected" as const, reasonCode: null, actor: "x" };
      const u = await s.updateConnector(
        "c1",
        { status: "connected", samlSso: true, lastConsent: { outcome: "success", reasonCode: null, detail: null, at } },
        entry,
      );
      expect(u?.status).toBe("connected");
      expect(u?.samlSso).toBe(true);
      expect(u?.lastConsent?.outcome).toBe("success");
      expect(await s.listTimeline("c1")).toEqual([created, entry]);
      expect(await s.updateConnector("missing", { status: "connected" })).toBeNull();
      await s.close();
    });

    it("when a connector is deleted, then its timeline and transactions go with it", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await s.insertTransaction(tx("h1", "c1"));
      expect(await s.deleteConnector("c1")).toBe(true);
      expect(await s.listTimeline("c1")).toEqual([]);
      expect(await s.takeTransaction("h1")).toBeNull();
      expect(await s.deleteConnector("c1")).toBe(false);
      await s.close();
    });

    it("when a transaction is taken twice, then only the first take gets it", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await s.insertTransaction(tx("h1", "c1"));
      expect((await s.takeTransaction("h1"))?.connectorId).toBe("c1");
      expect(await s.takeTransaction("h1")).toBeNull();
      await s.close();
    });

    it("when several callers take the same transaction at once, then exactly one gets it", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await s.insertTransaction(tx("h1", "c1"));
      const takes = await Promise.all(Array.from({ length: 5 }, () => s.takeTransaction("h1")));
      expect(takes.filter((t) => t !== null)).toHaveLength(1);
      await s.close();
    });

    it("when transactions expire, then purge removes only the expired ones", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await s.insertTransaction({ ...tx("old", "c1"), expiresAt: "2026-11-29T09:00:00.000Z" });
      await s.insertTransaction({ ...tx("new", "c1"), expiresAt: "2026-11-29T11:00:00.000Z" });
      expect(await s.purgeExpiredTransactions(at)).toBe(1);
      expect(await s.takeTransaction("new")).not.toBeNull();
      await s.close();
    });

    it("when ciphertexts are listed, then each sealed row comes with its fields and no empty ones", async () => {
      const s = await open();
      await s.insertConnector({ ...connector("c1", "Prod"), clientSecretEnc: "v1.a.s", refreshTokenEnc: "v1.a.r" }, created);
      await s.insertConnector(connector("c2", "Empty"), created);
      await s.insertTransaction(tx("h1", "c1"));
      expect(await s.listCiphertexts()).toEqual([
        { table: "connectors", id: "c1", connectorId: "c1", fields: { clientSecret: "v1.a.s", refreshToken: "v1.a.r" } },
        { table: "oauth_transactions", id: "h1", connectorId: "c1", fields: { codeVerifier: "v1.x.y.z.w" } },
      ]);
      await s.close();
    });

    it("when a ciphertext is replaced, then only a field still holding the expected value changes", async () => {
      const s = await open();
      await s.insertConnector({ ...connector("c1", "Prod"), clientSecretEnc: "old-s", accessTokenEnc: "refreshed" }, created);
      const swaps = [
        { field: "clientSecret" as const, expected: "old-s", next: "new-s" },
        { field: "accessToken" as const, expected: "old-a", next: "new-a" },
      ];
      expect(await s.replaceCiphertexts({ table: "connectors", id: "c1" }, swaps)).toBe(1);
      const c = await s.getConnector("c1");
      expect([c?.clientSecretEnc, c?.accessTokenEnc]).toEqual(["new-s", "refreshed"]);
      await s.close();
    });

    it("when a transaction's verifier is replaced, then the transaction carries the new value", async () => {
      const s = await open();
      await s.insertConnector(connector("c1", "Prod"), created);
      await s.insertTransaction(tx("h1", "c1"));
      const swap = { field: "codeVerifier" as const, expected: "v1.x.y.z.w", next: "v1.n.y.z.w" };
      expect(await s.replaceCiphertexts({ table: "oauth_transactions", id: "h1" }, [swap])).toBe(1);
      expect((await s.takeTransaction("h1"))?.codeVerifierEnc).toBe("v1.n.y.z.w");
      await s.close();
    });

    it("when connectors are in several statuses, then the grouped count has each status present and nothing else", async () => {
      const s = await open();
      expect(await s.countConnectorsByStatus()).toEqual({});
      for (const id of ["a", "b", "c"]) await s.insertConnector(connector(id, id), created);
      await s.updateConnector("b", { status: "connected" });
      await s.updateConnector("c", { status: "connected" });
      expect(await s.countConnectorsByStatus()).toEqual({ pending_configuration: 1, connected: 2 });
      await s.deleteConnector("a");
      expect(await s.countConnectorsByStatus()).toEqual({ connected: 2 });
      await s.close();
    });

    it("when sync coverage is listed, then each connector that finished a window comes with its status and how far its activity reaches", async () => {
      const s = await open();
      for (const id of ["c", "b", "a"]) await s.insertConnector(connector(id, id), created);
      await s.updateConnector("a", { status: "connected" });
      await s.saveSyncState("a", { coveredUntil: "2026-11-29T09:58:00.000Z" });
      await s.saveSyncState("c", { coveredUntil: "2026-11-28T09:58:00.000Z" });
      await s.saveSyncState("b", { nextSyncAt: "2026-11-29T10:05:00.000Z" });
      expect(await s.listSyncCoverage()).toEqual([
        { connectorId: "a", status: "connected", coveredUntil: "2026-11-29T09:58:00.000Z" },
        { connectorId: "c", status: "pending_configuration", coveredUntil: "2026-11-28T09:58:00.000Z" },
      ]);
      await s.close();
    });

    it("when a session is created, touched and deleted, then reads follow", async () => {
      const s = await open();
      await s.createSession({ id: "s1", userId: "u", userName: "U", role: "admin", createdAt: at, lastSeenAt: at, ip: "127.0.0.1" });
      await s.touchSession("s1", "2026-11-29T10:05:00.000Z");
      expect((await s.getSession("s1"))?.lastSeenAt).toBe("2026-11-29T10:05:00.000Z");
      await s.deleteSession("s1");
      expect(await s.getSession("s1")).toBeNull();
      await s.close();
    });
  });

  describeActivityStoreContract(engine, open, connector);
  describeNotificationStoreContract(engine, open, connector);
  describePolicyStoreContract(engine, open, connector);
  describeHandoffStoreContract(engine, open, connector);
  describeApiTokenStoreContract(engine, open);
  describeConnectorListContract(engine, open);

  function tx(hash: string, connectorId: string): OAuthTransaction {
    return {
      stateHash: hash,
      connectorId,
      sessionId: "s",
      codeVerifierEnc: "v1.x.y.z.w",
      redirectUri: "https://c/api/oauth/connect/c1",
      tokenEndpoint: "https://t",
      clientId: "id",
      mode: "popup",
      createdAt: at,
      expiresAt: "2026-11-29T10:10:00.000Z",
    };
  }
}
