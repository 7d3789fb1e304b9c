// Seeds a fresh SQLite store with connected connectors whose sealed client secrets and refresh
// tokens are real ones from the simulator (its bulk consented-clients route), all due for a check:
// what a console holds after thousands of consents, without thousands of consent flows.
import { connectorToRow } from "../../apps/bff/src/connectors/connector-columns";
import type { Keyring } from "../../apps/bff/src/platform/crypto/crypto";
import { openSqlite } from "../../apps/bff/src/platform/store/sqlite-driver";
import { openSqliteStore } from "../../apps/bff/src/store/sqlite-store";
import type { ConnectorRecord } from "../../apps/bff/src/store/types";
import { sealSecret } from "../../apps/bff/src/workday/secrets";

export interface ConsentedBatch {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  restApiEndpoint: string;
  clients: { clientId: string; clientSecret: string; refreshToken: string }[];
}

/** Asks the simulator for `count` consented clients of `tenant` (10,000 at most per call). */
export async function consentedClients(simUrl: string, tenant: string, count: number): Promise<ConsentedBatch> {
  const res = await fetch(`${simUrl}/_sim/api/tenants/${tenant}/consented-clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count }),
  });
  if (res.status !== 201) throw new Error(`consented clients: ${res.status} ${await res.text()}`);
  return (await res.json()) as ConsentedBatch;
}

function record(i: number, tenant: string, batch: ConsentedBatch, keyring: Keyring, now: number): ConnectorRecord {
  const c = batch.clients[i];
  if (!c) throw new Error(`no client ${i}`);
  const id = `bench-${String(i + 1).padStart(5, "0")}`;
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  return {
    id,
    name: `Bench ${String(i + 1).padStart(5, "0")}`,
    status: "connected",
    reasonCode: null,
    wizardStep: "done",
    prerequisites: {},
    tenantSetup: {},
    tenant,
    environment: "production",
    environmentSource: "detected",
    environmentReason: null,
    clientId: c.clientId,
    clientSecretEnc: sealSecret(keyring, id, "clientSecret", c.clientSecret),
    clientSecretHint: c.clientSecret.slice(-4),
    restApiEndpoint: batch.restApiEndpoint,
    tokenEndpoint: batch.tokenEndpoint,
    authorizationEndpoint: batch.authorizationEndpoint,
    samlSso: false,
    clientAuthMethod: "client_secret_basic",
    refreshTokenEnc: sealSecret(keyring, id, "refreshToken", c.refreshToken),
    // No access token: every check of the round refreshes one, the heaviest round there is.
    accessTokenEnc: null,
    accessTokenExpiresAt: null,
    consentGrantedBy: "bench",
    workdayAddress: null,
    consentingAccount: null,
    // A day ago: past the consent probe's window, as for every connector but the newest.
    connectedAt: at(24 * 3_600_000),
    lastCheckAt: at(15 * 60_000),
    lastSuccessAt: at(15 * 60_000),
    lastConsent: null,
    consecutiveTransientFailures: 0,
    notifiedStatus: "connected",
    healthyStreak: 0,
    nextCheckAt: at(1000),
    lastChecks: null,
    lastErrorDetail: null,
    createdBy: "bench",
    createdAt: at(25 * 3_600_000),
    updatedAt: at(15 * 60_000),
  };
}

/** Creates the store at `file` and inserts one connector per client of `batch`, in one transaction. */
export async function seedConnected(file: string, tenant: string, batch: ConsentedBatch, keyring: Keyring): Promise<void> {
  await openSqliteStore(file).close();
  const db = openSqlite(file);
  try {
    const now = Date.now();
    const columns = [...Object.keys(connectorToRow(record(0, tenant, batch, keyring, now))), "name_key"];
    const insert = db.prepare(`INSERT INTO connectors (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    db.immediate(() => {
      for (let i = 0; i < batch.clients.length; i++) {
        const c = record(i, tenant, batch, keyring, now);
        const row: Record<string, unknown> = { ...connectorToRow(c), name_key: c.name.toLowerCase() };
        insert.run(...columns.map((col) => row[col]));
      }
    })();
  } finally {
    db.close();
  }
}
