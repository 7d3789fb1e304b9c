// The load benchmark (issue "zero 5xx"): N signed-in sessions (default 200) read the status pages
// (connector list, connector, sync status, activity first page) in a closed loop for S seconds
// (default 60) while a backfill commits pages, then the same load for S seconds on the idle console
// as the baseline of the same run. Prints requests, throughput, p50/p99/max, 5xx and errors per
// phase, and the ratios during/idle. The console is its own process on a SQLite file (the embedded
// default, writer thread on); the simulator another; this process only sends requests.
//   pnpm --filter @wc/bench load [sessions] [seconds] [events]     (defaults 200, 60, 1,000,000)
// Each session is one keep-alive connection from its own loopback address (127.0.0.2, .3, …), as
// browsers on separate machines would be, so the per-address sign-in limit applies as designed.
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, memoryOf, runTs, sleep, stop, waitForUrl } from "./processes";
import { registerClient, signInAndAllow } from "./sim-consent";

const [sessionsArg, secondsArg, eventsArg] = process.argv.slice(2);
const SESSIONS = Number(sessionsArg ?? 200);
const SECONDS = Number(secondsArg ?? 60);
const EVENTS = Number(eventsArg ?? 1_000_000);
const ADMIN = { email: "bench@example.com", password: "bench-password-1" };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "wc-load-"));

interface Answer {
  status: number;
  text: string;
  cookie: string | null;
}

/** One browser: one keep-alive connection from its own loopback address, its session cookie. */
class Session {
  private readonly agent: Agent;
  cookie = "";
  constructor(
    private readonly base: URL,
    localAddress: string,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress });
  }
  /** Resent once when a reused keep-alive connection turns out closed, as browsers do (counted). */
  retried = 0;
  async send(method: string, pathAndQuery: string, body?: unknown): Promise<Answer> {
    try {
      return await this.sendOnce(method, pathAndQuery, body);
    } catch (e) {
      if (!(e instanceof StaleSocketError)) throw e;
      this.retried++;
      return this.sendOnce(method, pathAndQuery, body);
    }
  }
  private sendOnce(method: string, pathAndQuery: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path: pathAndQuery,
          timeout: 30_000,
          headers: {
            cookie: this.cookie,
            "x-csrf": "1",
            ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const set = res.headers["set-cookie"]?.[0];
            if (set) this.cookie = set.split(";")[0] ?? "";
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), cookie: set ?? null });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout after 30 s")));
      req.on("error", (e: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE") ? new StaleSocketError(e.message) : e),
      );
      req.end(payload);
    });
  }
  close() {
    this.agent.destroy();
  }
}

/** The server closed an idle keep-alive connection just as this request went out on it. */
class StaleSocketError extends Error {}

interface Phase {
  name: string;
  latenciesMs: number[];
  statuses: Map<number, number>;
  errors: Map<string, number>;
  seconds: number;
  backfillShare: number;
}

const simPort = await freePort();
const sim = runTs("src/server.ts", path.join(ROOT, "apps/workday-sim"), {
  WORKDAY_SIM_PORT: String(simPort),
  WORKDAY_SIM_EVENTS: String(EVENTS),
  WORKDAY_SIM_DAYS: "8",
});
const simUrl = `http://127.0.0.1:${simPort}`;
const port = await freePort();
const base = new URL(`http://127.0.0.1:${port}`);
const bff = runTs("src/server.ts", path.join(ROOT, "apps/bff"), {
  NODE_ENV: "test",
  PORT: String(port),
  PUBLIC_URL: base.origin,
  DATA_DIR: path.join(work, "data"),
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  ALLOWED_WORKDAY_HOSTS: `http://localhost:${simPort},http://127.0.0.1:${simPort}`,
  LOG_LEVEL: "warn",
  HEALTH_SCHEDULER_TICK_SECONDS: "0",
  ACTIVITY_SCHEDULER_TICK_SECONDS: "2",
});
const sessions: Session[] = [];

try {
  await waitForUrl(`${simUrl}/_sim/api/tenants`, sim);
  await waitForUrl(`${base.origin}/api/health`, bff);
  const admin = new Session(base, "127.0.0.1");
  sessions.push(admin);
  const ok = async (p: Promise<Answer>, what: string) => {
    const a = await p;
    if (a.status >= 400) throw new Error(`${what}: ${a.status} ${a.text}`);
    return a.text ? (JSON.parse(a.text) as unknown) : null;
  };
  await ok(admin.send("POST", "/api/auth/sign-in", ADMIN), "admin sign-in");
  const { connector } = (await ok(admin.send("POST", "/api/connectors", { name: "Load" }), "create connector")) as {
    connector: { id: string; redirectUri: string };
  };
  const id = connector.id;
  const reg = await registerClient(simUrl, "acme", connector.redirectUri);
  await ok(admin.send("PUT", `/api/connectors/${id}/details`, { ...reg, samlSso: false }), "details");
  // Slow pages keep the backfill of the 7-day window going for the whole first phase.
  await fetch(`${simUrl}/_sim/api/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ route: "activityLogging", kind: "latency", latencyMs: Math.max(1, Math.round((SECONDS * 1000) / (EVENTS / 1000))), count: 10_000 }),
  });
  const { authorizationUrl } = (await ok(admin.send("POST", `/api/connectors/${id}/consent`, { mode: "popup" }), "consent")) as { authorizationUrl: string };
  const callback = await signInAndAllow(authorizationUrl);
  const back = await admin.send("GET", callback.pathname + callback.search);
  if (back.status !== 303) throw new Error(`consent callback: ${back.status} ${back.text}`);

  for (let i = 0; i < SESSIONS; i++) {
    const s = new Session(base, `127.0.${2 + Math.floor(i / 250)}.${2 + (i % 250)}`);
    sessions.push(s);
    await ok(s.send("POST", "/api/auth/sign-in", ADMIN), `sign-in ${i}`);
  }
  const syncPhase = async () => ((await ok(admin.send("GET", `/api/connectors/${id}/sync`), "sync")) as { sync: { phase: string } }).sync.phase;

  const duringBackfill = await runPhase("during a backfill", id, syncPhase, async () => {
    // Should the backfill end early, a re-sync of the same window keeps the writer committing pages.
    const { sync } = (await ok(admin.send("GET", `/api/connectors/${id}/sync`), "sync")) as { sync: { progress: { from: string; to: string } | null } };
    if (sync.progress) await admin.send("POST", `/api/connectors/${id}/sync/resync`, { from: sync.progress.from, to: sync.progress.to });
  });
  await fetch(`${simUrl}/_sim/api/faults`, { method: "DELETE" });
  while ((await syncPhase()) === "backfilling") await sleep(500);
  const idle = await runPhase("idle console (baseline)", id, syncPhase, null);

  const { peakKb } = memoryOf(bff.pid ?? 0);
  console.log(
    `\nload: ${SESSIONS} signed-in sessions reading the status pages for ${SECONDS} s per phase; SQLite file, ${EVENTS.toLocaleString("en-US")} simulated events`,
  );
  console.log(
    `load average now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores shared by the console, the simulator and this load generator)`,
  );
  console.log(
    `${"phase".padEnd(26)}${"requests".padStart(9)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"max ms".padStart(8)}${"5xx".padStart(6)}${"errors".padStart(8)}  backfill running`,
  );
  for (const p of [duringBackfill, idle]) console.log(row(p));
  const [d, i] = [summary(duringBackfill), summary(idle)];
  console.log(`during / idle: p50 ${(d.p50 / i.p50).toFixed(2)}×, p99 ${(d.p99 / i.p99).toFixed(2)}×, throughput ${(d.rate / i.rate).toFixed(2)}×`);
  console.log(`requests resent on a keep-alive connection the server had just closed: ${sessions.reduce((n, x) => n + x.retried, 0)}`);
  console.log(`console peak RSS ${(peakKb / 1024).toFixed(0)} MB`);
  for (const p of [duringBackfill, idle]) {
    if (p.errors.size > 0) console.log(`${p.name} errors: ${[...p.errors].map(([k, v]) => `${v}× ${k}`).join("; ")}`);
    const bad = [...p.statuses].filter(([s]) => s >= 400);
    if (bad.length > 0) console.log(`${p.name} non-2xx: ${bad.map(([s, n]) => `${n}× ${s}`).join(", ")}`);
  }
  if (d.fiveXx + i.fiveXx + d.errors + i.errors > 0) process.exitCode = 1;
} finally {
  for (const s of sessions) s.close();
  await stop(bff);
  await stop(sim);
  rmSync(work, { recursive: true, force: true });
}

/** Every session reads the four status pages in turn until the phase ends; `keepBusy` runs when the backfill stops early. */
async function runPhase(name: string, id: string, syncPhase: () => Promise<string>, keepBusy: (() => Promise<void>) | null): Promise<Phase> {
  const pages = ["/api/connectors", `/api/connectors/${id}`, `/api/connectors/${id}/sync`, `/api/connectors/${id}/activity?pageSize=50`];
  const phase: Phase = { name, latenciesMs: [], statuses: new Map(), errors: new Map(), seconds: SECONDS, backfillShare: 0 };
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let samples = 0;
  let backfilling = 0;
  const watcher = (async () => {
    while (performance.now() < end) {
      // A failure here is a finding like any other, so it is counted, not thrown past the sessions still running.
      try {
        const running = (await syncPhase()) === "backfilling";
        samples++;
        if (running) backfilling++;
        else if (keepBusy) await keepBusy();
      } catch (e) {
        const key = `status watcher: ${e instanceof Error ? e.message : String(e)}`;
        phase.errors.set(key, (phase.errors.get(key) ?? 0) + 1);
      }
      await sleep(1000);
    }
  })();
  await Promise.all(
    sessions.slice(1).map(async (s, n) => {
      for (let k = n; performance.now() < end; k++) {
        const t = performance.now();
        try {
          const a = await s.send("GET", pages[k % pages.length] ?? "/api/connectors");
          phase.latenciesMs.push(performance.now() - t);
          phase.statuses.set(a.status, (phase.statuses.get(a.status) ?? 0) + 1);
        } catch (e) {
          const key = e instanceof Error ? e.message : String(e);
          phase.errors.set(key, (phase.errors.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  await watcher;
  phase.seconds = (performance.now() - started) / 1000;
  phase.backfillShare = samples === 0 ? 0 : backfilling / samples;
  return phase;
}

function summary(p: Phase) {
  const sorted = [...p.latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const fiveXx = [...p.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const errors = [...p.errors.values()].reduce((n, c) => n + c, 0);
  return { requests: sorted.length, rate: sorted.length / p.seconds, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, fiveXx, errors };
}

function row(p: Phase) {
  const s = summary(p);
  return `${p.name.padEnd(26)}${String(s.requests).padStart(9)}${s.rate.toFixed(0).padStart(8)}${s.p50.toFixed(0).padStart(8)}${s.p99.toFixed(0).padStart(8)}${s.max.toFixed(0).padStart(8)}${String(s.fiveXx).padStart(6)}${String(s.errors).padStart(8)}  ${(p.backfillShare * 100).toFixed(0)}% of the time`;
}
