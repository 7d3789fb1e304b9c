// Bench P4 (issue 16): one health round over `count` connected connectors. The simulator (its own
// process) makes `count` consented clients in one call; a fresh SQLite store is seeded with one
// connector per client (real sealed secrets and refresh tokens, no access token, all due); the
// console (its own process, only the health loop on, a 1 s tick) runs the round
// HEALTH_CHECK_CONCURRENCY at a time. Meanwhile autocannon (in this process) asks for the first
// connectors page with `connections` signed-in connections. Prints the round's time (the console's
// own "health round finished" log), the console's peak RSS (VmHWM) and the list's p50/p99 during
// the round, and whether each goal is met (≤ 60 s, ≤ 400 MB, p99 ≤ 100 ms). The console runs as in
// production, `node --max-semi-space-size=16 dist/server.mjs` (the script builds it first); `--start=tsx` runs the
// development start (`node --import tsx src/server.ts`) instead, whose loader holds more memory.
//   pnpm --filter @wc/bench health-round [count] [connections] [concurrency] [--start=tsx]   (defaults 10000, 10, the console's default)
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createKeyring } from "../../apps/bff/src/platform/crypto/crypto";
import { consoleArgs, consoleStartOf, freePort, memoryOf, positional, runNode, runTs, sleep, stop, waitForUrl } from "./processes";
import { sessionCookie } from "./idle-console";
import { consentedClients, seedConnected } from "./seed-connected";

const [countArg, connectionsArg, concurrencyArg] = positional(process.argv.slice(2));
// As README's production start, unless BENCH_NODE_OPTIONS tries another young generation size.
const bffArgs = consoleArgs(consoleStartOf(process.argv), process.env.BENCH_NODE_OPTIONS);
const COUNT = Number(countArg ?? 10_000);
const CONNECTIONS = Number(connectionsArg ?? 10);
const METRICS_TOKEN = randomBytes(24).toString("hex");
const ADMIN = { email: "bench@example.com", password: "bench-password-1" };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "wc-round-"));
const dataDir = path.join(work, "data");
mkdirSync(dataDir, { recursive: true });

const simPort = await freePort();
const sim = runTs("src/server.ts", path.join(ROOT, "apps/workday-sim"), { WORKDAY_SIM_PORT: String(simPort) });
const simUrl = `http://127.0.0.1:${simPort}`;
let bff: ReturnType<typeof runTs> | null = null;
// Killed from outside (Ctrl-C, a timeout), the children go too: a console left running its rounds
// would load the next run.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    bff?.kill("SIGKILL");
    sim.kill("SIGKILL");
    process.exit(130);
  });
}

interface RoundLog {
  msg: string;
  checked: number;
  ms: number;
  concurrency: number;
}

/**
 * The console's "health round finished" line (pino JSON on stdout). Read from the stream as it
 * comes: at info level every list request is logged too, and the kept tail of the output moves
 * past the line within a second.
 */
function roundFinished(child: ReturnType<typeof runTs>, timeoutS: number): Promise<RoundLog> {
  return new Promise((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error(`no round finished within ${timeoutS} s`)), timeoutS * 1000);
    child.once("exit", () => reject(new Error(`the console exited:\n${child.output().slice(-3000)}`)));
    child.stdout?.on("data", (b: Buffer) => {
      const lines = (pending + b.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.includes('"background loop failed"')) reject(new Error(`the round failed:\n${line}`));
        if (line.includes('"health round finished"')) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as RoundLog);
        }
      }
    });
  });
}

try {
  await waitForUrl(`${simUrl}/_sim/api/tenants`, sim);
  const seededAt = performance.now();
  const batch = await consentedClients(simUrl, "acme", COUNT);
  const key = randomBytes(32);
  await seedConnected(path.join(dataDir, "workday-connect.db"), "acme", batch, createKeyring(key));
  const seedS = (performance.now() - seededAt) / 1000;

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  bff = runNode(bffArgs, path.join(ROOT, "apps/bff"), {
    NODE_ENV: "production",
    ENCRYPTION_KEY: key.toString("base64"),
    PORT: String(port),
    PUBLIC_URL: origin,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ALLOWED_WORKDAY_HOSTS: `http://localhost:${simPort},http://127.0.0.1:${simPort}`,
    LOG_LEVEL: "info",
    HEALTH_SCHEDULER_TICK_SECONDS: "1",
    ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
    NOTIFY_TICK_SECONDS: "0",
    // /metrics on the main port: the heap figures after the round say what the RSS is made of.
    METRICS_TOKEN: METRICS_TOKEN,
    ...(concurrencyArg ? { HEALTH_CHECK_CONCURRENCY: concurrencyArg } : {}),
    // BENCH_NODE_OPTIONS: V8 flags for the console (e.g. --max-semi-space-size=8) to try against its RSS.
    NODE_OPTIONS: [process.env.BENCH_NODE_OPTIONS ?? "", process.env.BENCH_CPU_PROF ? `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}` : ""]
      .join(" ")
      .trim(),
  });
  const finished = roundFinished(bff, 600);
  await waitForUrl(`${origin}/api/health`, bff);
  const cookie = await sessionCookie(origin, ADMIN);

  // The list is asked for from now until the round's end (the round starts at the next 1 s tick).
  let listed: autocannon.Result | null = null;
  const load = autocannon({ url: `${origin}/api/connectors`, connections: CONNECTIONS, duration: 600, headers: { cookie } }, (err, r) => {
    if (err) throw err;
    listed = r;
  });
  const round = await finished;
  load.stop();
  while (listed === null) await sleep(50);
  const list = listed as autocannon.Result;
  const bffPeakMb = memoryOf(bff.pid ?? 0).peakKb / 1024;
  const simPeakMb = memoryOf(sim.pid ?? 0).peakKb / 1024;
  const after = (await (await fetch(`${origin}/api/connectors`, { headers: { cookie } })).json()) as { total: number; counts: Record<string, number> };

  const metrics = await (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const mb = (name: string) => {
    const v = new RegExp(`^workday_connect_${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(metrics)?.[1];
    return v === undefined ? "?" : `${(Number(v) / 2 ** 20).toFixed(0)} MB`;
  };
  const seconds = round.ms / 1000;
  const goal = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(
    `\nhealth round: ${round.checked.toLocaleString("en-US")} of ${COUNT.toLocaleString("en-US")} connectors checked, ${round.concurrency} at a time; seeded in ${seedS.toFixed(1)} s; console started as node ${bffArgs.join(" ")}`,
  );
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} after the run`,
  );
  console.log(`round time          ${seconds.toFixed(1)} s (${(round.checked / seconds).toFixed(0)} connectors/s)   goal ≤ 60 s: ${goal(seconds <= 60)}`);
  console.log(`console peak RSS    ${bffPeakMb.toFixed(0)} MB (VmHWM)   goal ≤ 400 MB: ${goal(bffPeakMb <= 400)}   (simulator: ${simPeakMb.toFixed(0)} MB)`);
  console.log(
    `list during round   p50 ${list.latency.p50.toFixed(1)} ms, p99 ${list.latency.p99.toFixed(1)} ms, ${list.requests.total.toLocaleString("en-US")} requests ` +
      `(${list.requests.average.toFixed(0)}/s, ${CONNECTIONS} connections)   goal p99 ≤ 100 ms: ${goal(list.latency.p99 <= 100)}`,
  );
  console.log(
    `console after       heap used ${mb("nodejs_heap_size_used_bytes")} of ${mb("nodejs_heap_size_total_bytes")}, external ${mb("nodejs_external_memory_bytes")}, RSS now ${mb("process_resident_memory_bytes")}`,
  );
  console.log(`statuses after      ${JSON.stringify(after.counts)}`);
  const bad = list.non2xx + list.errors + list.timeouts;
  if (bad > 0 || round.checked !== COUNT) {
    console.log(`errors: ${bad} list answers not 2xx; ${COUNT - round.checked} connectors not checked`);
    process.exitCode = 1;
  }
} finally {
  if (bff) await stop(bff);
  await stop(sim);
  rmSync(work, { recursive: true, force: true });
}
