// (b) store-only: the same rows, inserted page by page into a fresh store the way the sync does
// (natural keys computed, rows + checkpoint in one transaction). Only the store work is timed;
// fetching the rows from the simulator happens between the timed sections.
import { parseActivityPage, startCursor } from "@wc/workday";
import { withKeys } from "../../apps/bff/src/activity/activity-rows";
import { openStore } from "../../apps/bff/src/store/open-store";
import { windowFromEnv, windowPages } from "./window-pages";

const w = windowFromEnv(process.env);
// BENCH_DB: a file: URL (SQLite) or postgres://… (a fresh schema of its own).
const url = process.env.BENCH_DB;
if (!url) throw new Error("BENCH_DB is required");
const store = await openStore(url);
const at = new Date().toISOString();
await store.insertConnector(
  {
    id: "bench",
    name: "bench",
    status: "connected",
    reasonCode: null,
    wizardStep: "done",
    prerequisites: {},
    tenantSetup: {},
    tenant: null,
    environment: null,
    environmentSource: null,
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
    consentGrantedBy: null,
    workdayAddress: null,
    consentingAccount: null,
    connectedAt: at,
    lastCheckAt: null,
    lastSuccessAt: null,
    lastConsent: null,
    consecutiveTransientFailures: 0,
    notifiedStatus: null,
    healthyStreak: 0,
    nextCheckAt: null,
    lastChecks: null,
    lastErrorDetail: null,
    createdBy: "bench",
    createdAt: at,
    updatedAt: at,
  },
  { at, from: null, to: "connected", reasonCode: null, actor: "bench" },
);
const run = {
  kind: "backfill" as const,
  from: new Date(w.fromMs).toISOString(),
  to: new Date(w.toMs).toISOString(),
  startedAt: at,
  connectedAt: at,
  rows: 0,
  cursor: startCursor(w.fromMs, w.toMs, w.ceiling),
};
let rows = 0;
let storeMs = 0;
for await (const page of windowPages(w)) {
  const t0 = performance.now();
  const parsed = parseActivityPage(page.body);
  if (!parsed.ok) throw new Error(parsed.problem);
  const keyed = withKeys(parsed.rows);
  rows += keyed.length;
  await store.commitActivityPage("bench", keyed, { run: { ...run, rows } });
  storeMs += performance.now() - t0;
}
await store.close();
console.log(JSON.stringify({ rows, seconds: storeMs / 1000 }));
