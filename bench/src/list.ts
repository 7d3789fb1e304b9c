// Bench P3 (issue 16): the connectors list at 10,000 connectors. The console (its own process, a
// fresh SQLite store seeded with `count` connectors, background work off) answers its first list
// page to a signed-in session; bare Express (its own process) answers the same bytes from memory;
// the floor (its own process, `floor-list-server.ts`) answers them after the console's own security
// headers, compression, body parser and session middleware, on the same SQLite file.
// Each gets `connections` keep-alive connections for `seconds` (autocannon, in this process),
// after a short warm-up; with rounds > 1 they alternate and each keeps its best round (the
// machine is shared). Prints requests/s and p99 for both and the ratios; exits 1 on any error.
// The console is started as in production (compiled; `--start=tsx` for its sources).
//   pnpm --filter @wc/bench list-scale [count] [seconds] [rounds] [connections] [--start=tsx]   (defaults 10000, 10, 1, 50)
// BENCH_CPU_PROF=<dir> profiles the console (node --cpu-prof) for a look at where its time goes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { seedConnectors } from "../../apps/bff/src/cli/seed-connectors";
import { IDLE_ADMIN, sessionCookie, startIdleConsole } from "./idle-console";
import { freePort, positional, runTs, stop, waitForUrl } from "./processes";

const [countArg, secondsArg, roundsArg, connectionsArg] = positional(process.argv.slice(2));
const COUNT = Number(countArg ?? 10_000);
const SECONDS = Number(secondsArg ?? 10);
const ROUNDS = Number(roundsArg ?? 1);
const CONNECTIONS = Number(connectionsArg ?? 50);
const WARM_UP_SECONDS = 2;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "wc-list-"));
const PAGE = "/api/connectors";

interface Figures {
  rate: number;
  p50: number;
  p99: number;
  bad: number;
}

async function measure(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rate: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
}

const best = (all: Figures[]): Figures => all.reduce((a, b) => (b.rate > a.rate ? b : a));

const dataDir = path.join(work, "data");
mkdirSync(dataDir, { recursive: true });
const seededAt = performance.now();
await seedConnectors(path.join(dataDir, "workday-connect.db"), COUNT);
const seedMs = performance.now() - seededAt;

// BENCH_CPU_PROF=<dir>: the console writes a V8 CPU profile there when it stops.
const { bff, origin } = await startIdleConsole(
  dataDir,
  process.env.BENCH_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}` } : {},
);
const barePort = await freePort();
const bodyFile = path.join(work, "first-page.json");
let bare: ReturnType<typeof runTs> | null = null;
let floor: ReturnType<typeof runTs> | null = null;
const floorPort = await freePort();

try {
  const cookie = await sessionCookie(origin, IDLE_ADMIN);
  const first = await fetch(`${origin}${PAGE}`, { headers: { cookie } });
  const body = Buffer.from(await first.arrayBuffer());
  const page = JSON.parse(body.toString()) as { connectors: unknown[]; total: number };
  if (!first.ok || page.total !== COUNT) throw new Error(`the first page: ${first.status}, total ${page.total} (expected ${COUNT})`);
  writeFileSync(bodyFile, body);
  bare = runTs("src/bare-list-server.ts", path.join(ROOT, "bench"), { PORT: String(barePort), BODY_FILE: bodyFile });
  floor = runTs("src/floor-list-server.ts", path.join(ROOT, "bench"), {
    PORT: String(floorPort),
    BODY_FILE: bodyFile,
    DB_FILE: path.join(dataDir, "workday-connect.db"),
  });
  await waitForUrl(`http://127.0.0.1:${floorPort}/health`, floor);

  const sides = [
    { url: `${origin}${PAGE}`, headers: { cookie }, rounds: [] as Figures[] },
    { url: `http://127.0.0.1:${barePort}${PAGE}`, headers: {}, rounds: [] as Figures[] },
    { url: `http://127.0.0.1:${floorPort}${PAGE}`, headers: { cookie }, rounds: [] as Figures[] },
  ];
  for (const side of sides) await measure(side.url, side.headers, WARM_UP_SECONDS);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotating which goes first, so no side always has the quieter moment.
    const k = round % sides.length;
    for (const side of [...sides.slice(k), ...sides.slice(0, k)]) side.rounds.push(await measure(side.url, side.headers, SECONDS));
  }
  const [c, b, f] = sides.map((s) => best(s.rounds)) as [Figures, Figures, Figures];
  const row = (name: string, f: Figures) =>
    `${name.padEnd(34)}${f.rate.toFixed(0).padStart(8)}${f.p50.toFixed(1).padStart(8)}${f.p99.toFixed(1).padStart(8)}${String(f.bad).padStart(8)}`;
  console.log(
    `\nlist: the first page (${page.connectors.length} of ${COUNT.toLocaleString("en-US")} connectors, ${body.length.toLocaleString("en-US")} bytes), ` +
      `${CONNECTIONS} connections, ${SECONDS} s, best of ${ROUNDS} round(s); seeded in ${(seedMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model ?? "?"}); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} after the run`,
  );
  console.log(`${"".padEnd(34)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"errors".padStart(8)}`);
  console.log(row("console (session, SQLite)", c));
  console.log(row("bare Express (bytes in memory)", b));
  console.log(row("floor (headers, session, bytes)", f));
  console.log(`console / bare: ${(c.rate / b.rate).toFixed(2)}× the requests (goal ≥ 0.5), p99 ${c.p99.toFixed(1)} ms (goal ≤ 50)`);
  console.log(`floor / bare: ${(f.rate / b.rate).toFixed(2)}× (what any console on this stack keeps)   console / floor: ${(c.rate / f.rate).toFixed(2)}×`);
  if (c.bad + b.bad + f.bad > 0) process.exitCode = 1;
} finally {
  if (floor) await stop(floor);
  if (bare) await stop(bare);
  await stop(bff);
  rmSync(work, { recursive: true, force: true });
}
