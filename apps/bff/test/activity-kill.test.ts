import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { policyViewSchema, syncStatusResponseSchema, routes } from "@wc/contracts";
import { generateKey } from "../src/platform/crypto/crypto";
import { openSqliteStore } from "../src/store/sqlite-store";
import { expectedAlerts, simKeys, simRows, storedAlerts, storedKeys } from "./activity-fixture";
import { POLICY_TEMPLATES } from "@wc/workday";
import { ACCOUNTS, Client } from "./harness";
import { connect, preparedConnector, simApi, type Sim } from "./sim-fixture";
import { startSimulator } from "@wc/workday-sim";

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MID_BACKFILL_KILLS = 10;

/** A small seeded generator, so a failing run can be replayed with the printed seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sim: Sim;
let dataDir: string;
let port: number;
const env: Record<string, string> = {};
let output = "";
/** The child currently running, so a failing test never leaves a server behind. */
let live: ChildProcess | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: "127.0.0.1" });
  // ~35,000 rows in the 7-day window, served slowly enough that a backfill spans many process lives.
  await simApi(sim, "PUT", "/tenants/acme/activity", { events: 40_000, days: 8 });
  await simApi(sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 40, count: 10_000 });
  dataDir = mkdtempSync(path.join(tmpdir(), "wc-kill-"));
  port = await freePort();
  Object.assign(env, {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "test",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    ENCRYPTION_KEY: generateKey().toString("base64"),
    ALLOWED_WORKDAY_HOSTS: `http://localhost:${sim.port},http://127.0.0.1:${sim.port}`,
    LOG_LEVEL: "warn",
    HEALTH_SCHEDULER_TICK_SECONDS: "0",
    ACTIVITY_SCHEDULER_TICK_SECONDS: "0.2",
    ACTIVITY_PAGE_SIZE: "500",
    ACTIVITY_OFFSET_CEILING: "2000",
    // A killed process holds the connector's sync lease until it expires: keep that short here.
    ACTIVITY_LEASE_SECONDS: "1",
    ADMIN_EMAIL: ACCOUNTS.admin.email,
    ADMIN_PASSWORD: ACCOUNTS.admin.password,
  });
});
afterAll(async () => {
  if (live && live.exitCode === null && live.signalCode === null) live.kill("SIGKILL");
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real server in its own process (node + tsx loader directly, so the pid is the server's). */
async function startChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: BFF_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  live = child;
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-20_000));
  child.on("exit", (code, sig) => (output += `\n[exit ${code} ${sig} at ${new Date().toISOString()}]`));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the BFF exited at start:\n${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await sleep(100);
  }
  throw new Error(`the BFF did not come up:\n${output}`);
}

async function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(`the BFF had already exited (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
  }
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}

/** Opens the file the killed process left behind (WAL recovery included) and reads what is durable. */
async function durableState(connectorId: string) {
  const store = openSqliteStore(path.join(dataDir, "workday-connect.db"));
  try {
    return { state: await store.getSyncState(connectorId), keys: await storedKeys(store, connectorId) };
  } finally {
    await store.close();
  }
}

describe("process killed during a backfill", () => {
  it("when the BFF is SIGKILLed at random points and restarted, then each time the durable rows are a gap-free prefix of Workday's, and at the end exactly Workday's set with each policy's alerts exactly once", async () => {
    const seed = Date.now() % 100_000;
    const random = prng(seed);
    const trace: string[] = [];
    onTestFailed(() => console.error(`kill test seed ${seed}\n${trace.join("\n")}\n--- last BFF output ---\n${output}`));
    let child = await startChild();
    const client = new Client(`http://127.0.0.1:${port}`);
    // The session lives in the database file, so it outlives every kill and restart.
    expect((await client.post(routes.signIn, { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password })).status).toBe(200);
    // Policies and the scenarios they catch, in the window the backfill is about to fetch: their
    // alerts must come out exactly once however often the process dies between a page and its alerts.
    const policies = [];
    for (const id of ["security-configuration-changed", "many-worker-records-read", "proxy-session-started"]) {
      const t = POLICY_TEMPLATES.find((x) => x.id === id);
      if (!t) throw new Error(id);
      const res = await client.post(routes.policies, { name: t.name, severity: t.severity, ...t.definition });
      expect(res.status, res.text).toBe(201);
      policies.push(policyViewSchema.parse(res.json()));
    }
    const DAY = 24 * 3_600_000;
    for (const [scenario, daysAgo] of [
      ["security-change", 5],
      ["worker-read-burst", 4],
      ["proxy-session", 3],
      ["security-change", 2],
    ] as const) {
      await simApi(sim, "POST", "/tenants/acme/activity/scenarios", { scenario, at: new Date(Date.now() - daysAgo * DAY).toISOString() });
    }
    const { connector } = await preparedConnector({ client }, sim, "acme");
    await connect(client, connector.id); // the backfill starts on consent
    let midBackfill = 0;
    let lives = 0;
    let window: { from: string; to: string } | null = null;
    for (;;) {
      await sleep(50 + random() * 450);
      await kill(child, "SIGKILL");
      lives++;
      const { state, keys } = await durableState(connector.id);
      const run = state?.run ?? null;
      trace.push(`life ${lives}: ${keys.length} rows durable, run ${run ? `at offset ${run.cursor.offset}` : "finished"}`);
      if (run) window = { from: run.from, to: run.to };
      expect(window, `seed ${seed}: a backfill window was recorded`).not.toBeNull();
      const all = simKeys(sim, "acme", window?.from ?? "", window?.to ?? "");
      expect(new Set(keys).size, `seed ${seed}, life ${lives}: nothing stored twice`).toBe(keys.length);
      expect(
        keys.filter((k) => !all.has(k)),
        `seed ${seed}, life ${lives}: nothing that is not Workday's`,
      ).toEqual([]);
      const upTo = run ? run.cursor.lastRowTime : state?.coveredUntil;
      if (upTo) {
        const stored = new Set(keys);
        const prefix = simKeys(sim, "acme", window?.from ?? "", new Date(Math.floor(Date.parse(upTo) / 1000) * 1000).toISOString());
        expect(
          [...prefix].filter((k) => !stored.has(k)),
          `seed ${seed}, life ${lives}: no gap before the checkpoint`,
        ).toEqual([]);
      }
      child = await startChild();
      if (!run) break; // finished in that life: no more mid-backfill kills possible
      if (++midBackfill >= MID_BACKFILL_KILLS) break;
    }
    expect(midBackfill, `seed ${seed}: kills that landed mid-backfill`).toBeGreaterThanOrEqual(MID_BACKFILL_KILLS);

    for (let i = 0; i < 600; i++) {
      const sync = syncStatusResponseSchema.parse((await client.get(routes.connectorSync(connector.id))).json()).sync;
      trace[lives] = `after the last restart: ${sync.phase}, ${sync.progress?.rows} rows, finished ${sync.progress?.finishedAt}`;
      if (sync.progress?.finishedAt && sync.phase === "waiting") break;
      await sleep(100);
    }
    await kill(child, "SIGTERM");
    const { state, keys } = await durableState(connector.id);
    expect(state?.run ?? null).toBeNull();
    expect(state?.lastWindow?.from).toBe(window?.from);
    const expected = simKeys(sim, "acme", window?.from ?? "", state?.coveredUntil ?? "");
    expect(new Set(keys).size).toBe(keys.length);
    const stored = new Set(keys);
    expect({ missing: [...expected].filter((k) => !stored.has(k)).length, extra: keys.filter((k) => !expected.has(k)).length, count: keys.length }).toEqual({
      missing: 0,
      extra: 0,
      count: expected.size,
    });
    const alerts = await (async () => {
      const store = openSqliteStore(path.join(dataDir, "workday-connect.db"));
      try {
        return await storedAlerts(store, connector.id);
      } finally {
        await store.close();
      }
    })();
    const wanted = expectedAlerts(policies, simRows(sim, "acme", window?.from ?? "", state?.coveredUntil ?? ""));
    expect(wanted.length, "every scenario raises its alert").toBeGreaterThanOrEqual(4);
    expect(alerts, `seed ${seed}: each alert exactly once, with exactly its rows`).toEqual(wanted);
    console.log(`kill test: seed ${seed}, ${midBackfill} kills mid-backfill, ${lives} lives, ${expected.size} rows, ${alerts.length} alerts`);
  }, 240_000);
});
