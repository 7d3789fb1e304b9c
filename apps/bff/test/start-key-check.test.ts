import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createKeyring, generateKey, keyIdOf, type Keyring } from "../src/platform/crypto/crypto";
import { checkStoredKeys } from "../src/workday/key-check";
import { aadFor } from "../src/workday/key-rotation";
import { openSqliteStore } from "../src/store/sqlite-store";
import type { ConnectorRecord } from "../src/store/types";
import { startReplica } from "./replica-process";
import { connectorRecord } from "./connector-record";

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = "2026-11-29T10:00:00.000Z";
const b64 = (k: Buffer) => k.toString("base64");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A connected connector whose three secrets are sealed with `k`. */
function connector(id: string, k: Keyring): ConnectorRecord {
  const seal = (field: "clientSecret" | "refreshToken" | "accessToken") => k.encrypt(`${field}-of-${id}`, `connector:${id}:${field}`);
  return connectorRecord(id, {
    clientId: "cid",
    clientSecretEnc: seal("clientSecret"),
    refreshTokenEnc: seal("refreshToken"),
    accessTokenEnc: seal("accessToken"),
  });
}

/** A SQLite file holding two connectors sealed with `key`, as a console run with that key leaves it. */
async function databaseSealedWith(key: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-keycheck-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  const store = openSqliteStore(file);
  for (const id of ["c1", "c2"])
    await store.insertConnector(connector(id, createKeyring(key)), { at, from: null, to: "connected", reasonCode: null, actor: "t" });
  await store.close();
  return file;
}

/** Runs a BFF entry point to its end (it is expected to end on its own) and returns code and output. */
function runToExit(script: string, env: Record<string, string>): Promise<{ code: number | string; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: BFF_DIR,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "info", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b.toString()));
  child.stderr.on("data", (b: Buffer) => out.push(b.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      clearTimeout(killer);
      resolve({ code: code ?? signal ?? "unknown", output: out.join("") });
    }),
  );
}

async function expectServes(env: Record<string, string>) {
  const r = await startReplica(env);
  try {
    expect((await fetch(`${r.url}/api/health`)).status).toBe(200);
    return r.logs.join("");
  } finally {
    r.kill("SIGTERM");
    await r.exited;
  }
}

describe("start-up key check (real process)", () => {
  const oldKey = generateKey();
  const newKey = generateKey();

  it("when ENCRYPTION_KEY opens none of the stored secrets, then the console refuses to start, says how many and what to set, and changes nothing", async () => {
    const file = await databaseSealedWith(oldKey);
    const { code, output } = await runToExit("src/server.ts", { DATABASE_URL: `file:${file}`, ENCRYPTION_KEY: b64(newKey) });
    expect(code).toBe(1);
    expect(output).toContain("Refusing to start: 2 stored records");
    expect(output).toContain(`key id ${keyIdOf(oldKey)} (6 values)`);
    expect(output).toMatch(/ENCRYPTION_KEYS_PREVIOUS.*rotate-key/);
    expect(output).not.toContain("listening");
    expect(output).not.toContain(b64(oldKey));
    expect(output).not.toContain(b64(newKey));
    const store = openSqliteStore(file);
    const rows = await store.listCiphertexts();
    await store.close();
    const k = createKeyring(oldKey);
    for (const row of rows)
      for (const [field, sealed] of Object.entries(row.fields)) expect(k.decrypt(sealed, aadFor(row, field as "clientSecret"))).toContain(row.id);
  }, 60_000);

  it("when the key moves A → B with A as previous, then it starts; after rotate-key, B alone starts too", async () => {
    const file = await databaseSealedWith(oldKey);
    const db = { DATABASE_URL: `file:${file}` };
    await expectServes({ ...db, ENCRYPTION_KEY: b64(newKey), ENCRYPTION_KEYS_PREVIOUS: b64(oldKey) });
    const rotation = await runToExit("src/cli/rotate-key.ts", { ...db, ENCRYPTION_KEY: b64(newKey), ENCRYPTION_KEYS_PREVIOUS: b64(oldKey) });
    expect(rotation.output).toContain("fields re-encrypted: 6");
    expect(rotation.code).toBe(0);
    await expectServes({ ...db, ENCRYPTION_KEY: b64(newKey) });
    // And the old key alone is now the wrong one.
    const back = await runToExit("src/server.ts", { ...db, ENCRYPTION_KEY: b64(oldKey) });
    expect(back.code).toBe(1);
    expect(back.output).toContain(`key id ${keyIdOf(newKey)} (6 values)`);
  }, 90_000);

  it("when the operator declares the old key lost with LOST_ENCRYPTION_KEY_IDS, then it starts and warns how many records need re-entering", async () => {
    const file = await databaseSealedWith(oldKey);
    const logs = await expectServes({ DATABASE_URL: `file:${file}`, ENCRYPTION_KEY: b64(newKey), LOST_ENCRYPTION_KEY_IDS: keyIdOf(oldKey) });
    expect(logs).toContain("LOST_ENCRYPTION_KEY_IDS");
    expect(logs).toContain('"records":2');
  }, 60_000);
});

describe("checkStoredKeys", () => {
  const a = generateKey();
  const b = generateKey();
  const created = { at, from: null, to: "connected" as const, reasonCode: null, actor: "t" };

  it("when a rotation is half done, then records under either configured key pass and one under a third key is counted by key id", async () => {
    const store = openSqliteStore(":memory:");
    await store.insertConnector(connector("under-a", createKeyring(a)), created);
    await store.insertConnector(connector("under-b", createKeyring(b)), created);
    const mixed = { ...connector("mixed", createKeyring(b)), accessTokenEnc: createKeyring(generateKey()).encrypt("t", "connector:mixed:accessToken") };
    await store.insertConnector(mixed, created);
    const k = createKeyring(b, [a]);
    const check = await checkStoredKeys(store, k);
    await store.close();
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/^Refusing to start: 1 stored record .* was encrypted with key id [0-9a-f]{12} \(1 value\),/);
  });

  it("when every record opens, then it passes with nothing lost; when a lost key id is declared, then its records are counted, not refused", async () => {
    const store = openSqliteStore(":memory:");
    await store.insertConnector(connector("c", createKeyring(a)), created);
    expect(await checkStoredKeys(store, createKeyring(a))).toEqual({ ok: true, lost: { records: 0, byKid: new Map() } });
    expect(await checkStoredKeys(store, createKeyring(b), [keyIdOf(a)])).toEqual({ ok: true, lost: { records: 1, byKid: new Map([[keyIdOf(a), 3]]) } });
    await store.close();
  });
});
