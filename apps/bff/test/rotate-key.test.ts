import { describe, expect, it } from "vitest";
import { createKeyring, generateKey, keyIdOfSealed, type Keyring } from "../src/platform/crypto/crypto";
import { aadFor, formatRotationSummary, rotateCiphertexts } from "../src/workday/key-rotation";
import { openSqliteStore } from "../src/store/sqlite-store";
import type { ConnectorRecord, SealedRow, Store } from "../src/store/types";
import { connectorRecord } from "./connector-record";

const at = "2026-11-29T10:00:00.000Z";
const created = { at, from: null, to: "pending_configuration" as const, reasonCode: null, actor: "t" };
const plain = (id: string, field: string) => `plaintext-${field}-of-${id}`;

function connector(id: string, k: Keyring): ConnectorRecord {
  const seal = (field: "clientSecret" | "refreshToken" | "accessToken") => k.encrypt(plain(id, field), `connector:${id}:${field}`);
  return connectorRecord(id, {
    clientId: "cid",
    clientSecretEnc: seal("clientSecret"),
    refreshTokenEnc: seal("refreshToken"),
    accessTokenEnc: seal("accessToken"),
  });
}

async function seed(k: Keyring, ids = ["a", "b", "c"]): Promise<Store> {
  const store = openSqliteStore(":memory:");
  for (const id of ids) await store.insertConnector(connector(id, k), created);
  await store.insertTransaction({
    stateHash: "h1",
    connectorId: "a",
    sessionId: "s",
    codeVerifierEnc: k.encrypt(plain("h1", "codeVerifier"), "oauth-tx:a"),
    redirectUri: "https://c/cb",
    tokenEndpoint: "https://t",
    clientId: "cid",
    mode: "popup",
    createdAt: at,
    expiresAt: at,
  });
  return store;
}

function expectAllCurrent(rows: SealedRow[], k: Keyring) {
  for (const row of rows) {
    for (const [field, sealed] of Object.entries(row.fields) as [keyof SealedRow["fields"], string][]) {
      expect(keyIdOfSealed(sealed)).toBe(k.currentKid);
      expect(k.decrypt(sealed, aadFor(row, field))).toBe(plain(row.id, field));
    }
  }
}

/** A store whose writes fail after `n` rows, standing in for a run killed halfway. */
function failingAfter(store: Store, n: number): Store {
  let writes = 0;
  return {
    ...store,
    replaceCiphertexts: async (row, swaps) => {
      if (writes++ >= n) throw new Error("interrupted");
      return store.replaceCiphertexts(row, swaps);
    },
  };
}

describe("rotateCiphertexts", () => {
  const oldKey = generateKey();
  const rotated = () => createKeyring(generateKey(), [oldKey]);

  it("when records are under an old key, then after rotation all are under the new key with the same plaintext", async () => {
    const store = await seed(createKeyring(oldKey));
    const k = rotated();
    const s = await rotateCiphertexts(store, k);
    expect(s).toMatchObject({ rowsScanned: 4, reEncrypted: 10, alreadyCurrent: 0, changedConcurrently: 0, failed: [] });
    expectAllCurrent(await store.listCiphertexts(), k);
  });

  it("when run twice, then the second run changes nothing", async () => {
    const store = await seed(createKeyring(oldKey));
    const k = rotated();
    await rotateCiphertexts(store, k);
    const before = await store.listCiphertexts();
    const s = await rotateCiphertexts(store, k);
    expect(s).toMatchObject({ rowsScanned: 4, reEncrypted: 0, alreadyCurrent: 10, failed: [] });
    expect(await store.listCiphertexts()).toEqual(before);
  });

  it("when interrupted halfway, then a rerun finishes the rest and nothing is lost", async () => {
    const store = await seed(createKeyring(oldKey));
    const k = rotated();
    await expect(rotateCiphertexts(failingAfter(store, 2), k)).rejects.toThrow("interrupted");
    const s = await rotateCiphertexts(store, k);
    expect(s).toMatchObject({ reEncrypted: 4, alreadyCurrent: 6, failed: [] });
    expectAllCurrent(await store.listCiphertexts(), k);
  });

  it("when the abort signal fires, then it stops between rows and says so", async () => {
    const store = await seed(createKeyring(oldKey));
    const stop = new AbortController();
    stop.abort();
    const s = await rotateCiphertexts(store, rotated(), stop.signal);
    expect(s).toMatchObject({ rowsScanned: 0, reEncrypted: 0, interrupted: true });
  });

  it("when a record was sealed by an unknown key, then it is reported and the others are still rotated", async () => {
    const store = await seed(createKeyring(oldKey));
    const stranger = connector("x", createKeyring(generateKey()));
    await store.insertConnector({ ...stranger, refreshTokenEnc: null, accessTokenEnc: null }, created);
    const k = rotated();
    const s = await rotateCiphertexts(store, k);
    expect(s.failed).toEqual([{ table: "connectors", id: "x", field: "clientSecret" }]);
    expect(s.reEncrypted).toBe(10);
    expectAllCurrent(
      (await store.listCiphertexts()).filter((r) => r.id !== "x"),
      k,
    );
  });

  it("when a field is refreshed between read and write, then the refreshed value is kept", async () => {
    const store = await seed(createKeyring(oldKey), ["a"]);
    const k = rotated();
    const racing: Store = {
      ...store,
      replaceCiphertexts: async (row, swaps) => {
        await store.updateConnector("a", { accessTokenEnc: k.encrypt("fresh", "connector:a:accessToken") });
        return store.replaceCiphertexts(row, swaps);
      },
    };
    const s = await rotateCiphertexts(racing, k);
    expect(s.changedConcurrently).toBe(1);
    const a = await store.getConnector("a");
    expect(k.decrypt(a?.accessTokenEnc ?? "", "connector:a:accessToken")).toBe("fresh");
  });

  it("when the summary is printed, then it never contains a plaintext", async () => {
    const store = await seed(createKeyring(oldKey));
    await store.insertConnector(connector("x", createKeyring(generateKey())), created);
    const out = formatRotationSummary(await rotateCiphertexts(store, rotated()));
    expect(out).toContain("failed: 3");
    expect(out).toContain("connectors x clientSecret");
    expect(out).not.toMatch(/plaintext-/);
  });
});
