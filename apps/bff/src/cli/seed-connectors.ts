import { pathToFileURL } from "node:url";
import type { ConnectorStatus } from "@wc/contracts";
import { connectorToRow } from "../connectors/connector-columns";
import { openSqlite } from "../platform/store/sqlite-driver";
import { openSqliteStore } from "../store/sqlite-store";
import type { ConnectorRecord } from "../store/types";

/** Per hundred connectors: five to reconnect, two with an action in Workday, two degraded, one of each of the rest; the others connected. */
const MIX: [ConnectorStatus, string | null][] = [
  ...Array.from({ length: 5 }, () => ["relink_needed", "refresh_invalid_grant"] as [ConnectorStatus, string]),
  ["action_required", "activity_logging_disabled"],
  ["action_required", "permission_worker_data"],
  ["degraded", "workday_unavailable"],
  ["degraded", "workday_timeout"],
  ["disconnected", "disconnected_by_admin"],
  ["pending_configuration", "setup_incomplete"],
  ["pending_authorization", "consent_not_started"],
];
const WORDS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent"];

function made(i: number, now: number): ConnectorRecord {
  const [status, reasonCode] = MIX[i % 100] ?? (["connected", null] as const);
  const n = String(i + 1).padStart(5, "0");
  const word = WORDS[i % WORDS.length] ?? "Acme";
  const sandbox = i % 3 === 2;
  const tenant = `${word.toLowerCase()}${n}${sandbox ? "_preview" : ""}`;
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const draft = status === "pending_configuration" || status === "pending_authorization";
  return {
    id: `seed-${n}`,
    name: `${word} ${n}`,
    status,
    reasonCode,
    wizardStep: draft ? "details" : "done",
    prerequisites: {},
    tenantSetup: {},
    tenant: draft ? null : tenant,
    environment: draft ? null : sandbox ? "sandbox" : "production",
    environmentSource: draft ? null : "detected",
    environmentReason: null,
    clientId: null,
    clientSecretEnc: null,
    clientSecretHint: null,
    restApiEndpoint: null,
    tokenEndpoint: null,
    authorizationEndpoint: null,
    samlSso: false,
    clientAuthMethod: "client_secret_basic",
    refreshTokenEnc: null,
    accessTokenEnc: null,
    accessTokenExpiresAt: null,
    consentGrantedBy: draft ? null : "seed",
    workdayAddress: null,
    consentingAccount: null,
    connectedAt: draft ? null : at(60 * 24 * 30 + i),
    lastCheckAt: draft ? null : at(i % 15),
    // Some never worked; the rest at spread times, so sorting by last success has something to sort.
    lastSuccessAt: draft || i % 37 === 0 ? null : at(((i * 7919) % 10_000) + (status === "connected" ? 0 : 600)),
    lastConsent: null,
    consecutiveTransientFailures: 0,
    notifiedStatus: status,
    healthyStreak: 0,
    nextCheckAt: null,
    lastChecks: null,
    lastErrorDetail: null,
    createdBy: "seed",
    createdAt: at(60 * 24 * 31 + i),
    updatedAt: at(i % 15),
  };
}

/**
 * Adds `count` made-up connectors (`seed-00001`…, named "Acme 00001"…) to a SQLite store, creating
 * it when missing, in one transaction: the console's own inserts commit one by one, which at
 * 10,000 takes minutes. For the connectors list's bench (bench/src/list.ts) and its browser
 * journey; nothing in them can call Workday (no endpoints, no tokens).
 */
export async function seedConnectors(file: string, count: number): Promise<void> {
  await openSqliteStore(file).close();
  const db = openSqlite(file);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    const now = Date.now();
    const columns = [...Object.keys(connectorToRow(made(0, now))), "name_key"];
    const insert = db.prepare(`INSERT INTO connectors (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    const timeline = db.prepare("INSERT INTO connector_timeline (connector_id, at, from_status, to_status, reason_code, actor) VALUES (?, ?, ?, ?, ?, ?)");
    db.immediate(() => {
      for (let i = 0; i < count; i++) {
        const c = made(i, now);
        const row: Record<string, unknown> = { ...connectorToRow(c), name_key: c.name.toLowerCase() };
        insert.run(...columns.map((col) => row[col]));
        timeline.run(c.id, c.createdAt, null, c.status, c.reasonCode, "seed");
      }
    })();
  } finally {
    db.close();
  }
}

// `node --import tsx src/cli/seed-connectors.ts <sqlite file> <count>`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, count] = process.argv.slice(2);
  if (!file || !/^\d+$/.test(count ?? "")) {
    console.error("usage: seed-connectors <sqlite file> <count>");
    process.exit(2);
  }
  await seedConnectors(file, Number(count));
  console.log(`added ${Number(count).toLocaleString("en-US")} connectors to ${file}`);
}
