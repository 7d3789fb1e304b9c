// The backfill benchmark (README "Figures"): a simulator serving N events over 7 days, then in one run
//   (c) the real backfill of a fresh connector: the BFF as its own process, connected by consent,
//       timed by its own sync progress, its peak RSS read from /proc (VmHWM);
//   (a) fetch-only: the same window paged the same way from the simulator, parsed, discarded;
//   (b) store-only: the same rows keyed and inserted page by page into a fresh store.
// Prints rows/s for each, the peak RSS of (c), and (c)/max(a, b) and (c)/(a + b) on time.
// Each part runs in its own process, one after the other; the simulator runs in another. With
// rounds > 1 the trio is repeated and each part's best time is kept (the machine is shared).
//   pnpm --filter @wc/bench backfill [events] [rounds]      (defaults 1,000,000 and 1; SQLite)
//   add --postgres: the console and (b) on PostgreSQL at WC_TEST_DATABASE_URL, each part in a fresh
//   schema (`pnpm --filter @wc/bench backfill:pg` starts a throwaway cluster for it)
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { activityLoggingUrl } from "@wc/workday";
import { freshSchemaUrl } from "./pg-schema";
import { freePort, positional, resultOf, runTs, stop, waitForUrl } from "./processes";
import { issueToken } from "./sim-consent";
import { openStore } from "../../apps/bff/src/store/open-store";
import { CEILING, consentUpToCallback, finishedBackfill, PAGE_SIZE, startBenchConsole } from "./backfill-console";

const POSTGRES = process.argv.includes("--postgres");
const [eventsArg, roundsArg] = positional(process.argv.slice(2));
const EVENTS = Number(eventsArg ?? 1_000_000);
const ROUNDS = Number(roundsArg ?? 1);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "wc-bench-"));

const simPort = await freePort();
const sim = runTs("src/server.ts", path.join(ROOT, "apps/workday-sim"), {
  WORKDAY_SIM_PORT: String(simPort),
  WORKDAY_SIM_EVENTS: String(EVENTS),
  WORKDAY_SIM_DAYS: "7",
});
const simUrl = `http://127.0.0.1:${simPort}`;
const children = [sim];

try {
  await waitForUrl(`${simUrl}/_sim/api/tenants`, sim);
  const reader = await issueToken(simUrl, "acme");
  const activityUrl = activityLoggingUrl(reader.client.restApiEndpoint);
  // Warm-up: the simulator builds a tenant's timeline on first use; nobody should pay for that.
  await fetch(`${activityUrl}?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&returnUserActivityEntryCount=true`, {
    headers: { authorization: `Bearer ${reader.token}` },
  });

  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  const loadBefore = load();
  type Run = { rows: number; seconds: number };
  const best = <T extends Run>(runs: T[]): T => runs.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  const cs: Awaited<ReturnType<typeof realBackfill>>[] = [];
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = await realBackfill(round);
    cs.push(run);
    const windowEnv = {
      BENCH_ACTIVITY_URL: activityUrl,
      BENCH_TOKEN: reader.token,
      BENCH_FROM_MS: String(Date.parse(run.from)),
      BENCH_TO_MS: String(Date.parse(run.to)),
      BENCH_PAGE_SIZE: String(PAGE_SIZE),
      BENCH_CEILING: String(CEILING),
    };
    const fetchOnly = runTs("src/fetch-only.ts", path.join(ROOT, "bench"), windowEnv);
    children.push(fetchOnly);
    as.push(await resultOf<Run>(fetchOnly));
    const storeOnly = runTs("src/store-only.ts", path.join(ROOT, "bench"), {
      ...windowEnv,
      BENCH_DB: POSTGRES ? await freshSchemaUrl() : `file:${path.join(work, `store-only-${round}.db`)}`,
    });
    children.push(storeOnly);
    bs.push(await resultOf<Run>(storeOnly));
  }
  const [a, b, c] = [best(as), best(bs), best(cs)];

  const rate = (rows: number, s: number) =>
    `${Math.round(rows / s)
      .toLocaleString("en-US")
      .padStart(9)} rows/s`;
  const line = (label: string, r: Run) =>
    console.log(`${label.padEnd(34)}${rate(r.rows, r.seconds)}   ${r.rows.toLocaleString("en-US")} rows in ${r.seconds.toFixed(1)} s`);
  console.log(
    `\n${POSTGRES ? "PostgreSQL" : "SQLite"}: backfill of ${EVENTS.toLocaleString("en-US")} simulated events over 7 days; window ${c.from} → ${c.to}; pages of ${PAGE_SIZE}, offset ceiling ${CEILING}`,
  );
  console.log(`${ROUNDS > 1 ? `best of ${ROUNDS} rounds; ` : ""}load average before ${loadBefore}, after ${load()} (2 cores, shared)`);
  line("(a) fetch-only", a);
  line("(b) store-only", b);
  line("(c) real backfill", c);
  console.log(`(c) peak RSS                      ${(Math.max(...cs.map((r) => r.peakKb)) / 1024).toFixed(0)} MB (VmHWM of the BFF process)`);
  console.log(`(c) / max(a, b)                   ${(c.seconds / Math.max(a.seconds, b.seconds)).toFixed(2)}   (aim ≤ 1.30)`);
  console.log(`(c) / (a + b)                     ${(c.seconds / (a.seconds + b.seconds)).toFixed(2)}   (must be ≤ 1.00)`);
  console.log(`rows: (a) and (b) count what Workday sent, overlaps after re-anchoring included; (c) counts rows it stored once each`);
} finally {
  for (const child of children) await stop(child);
  rmSync(work, { recursive: true, force: true });
}

/** (c): a fresh BFF process, a connector connected by consent, the backfill that consent starts. */
async function realBackfill(round: number): Promise<{ from: string; to: string; rows: number; seconds: number; peakKb: number }> {
  const c = await startBenchConsole({ dataDir: path.join(work, `bff-${round}`), simPort, postgres: POSTGRES });
  children.push(c.bff);
  const { connectorId, callback } = await consentUpToCallback(c, simUrl, `Bench ${round}`);
  await c.api("GET", callback.pathname + callback.search);
  const store = await openStore(c.databaseUrl);
  try {
    const { window: w, peakKb } = await finishedBackfill(c, store, connectorId);
    return { from: w.from, to: w.to, rows: w.rows, seconds: (Date.parse(w.finishedAt ?? "") - Date.parse(w.startedAt)) / 1000, peakKb };
  } finally {
    await store.close();
    await stop(c.bff);
  }
}
