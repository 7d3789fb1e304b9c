// The policies bench (issue 17, README "Activity policies"): the real backfill of the existing
// `backfill` bench — a simulator serving N events over 7 days, a fresh BFF process on a fresh SQLite
// file, a connector connected by consent, timed by the sync's own progress — run without policies
// and with the 20 enabled policies of bench-policies.ts (saved through POST /api/policies before
// the connector is connected), alternately, `rounds` times each, in one run. The pairs alternate
// which goes first (without/with, with/without, …). The simulator is given each of its five
// scenarios twice inside the window first, so the template policies have something to find, and
// every backfill reads the same rows.
//
// Prints each backfill's time, each pair's ratio with/without, the median of the pair ratios and
// the ratio of the medians, rows stored, and for the runs with policies the alerts raised and the
// policy matches: the (policy, stored row) pairs that matched, recounted after the run by the
// same compiled policies over the stored rows (untimed; the sync prunes decided matches after two
// days, so its table no longer holds them all), with per-policy figures for the last such run.
//   pnpm --filter @wc/bench backfill:policies [events] [rounds]      (defaults 1,000,000 and 3)
//   pnpm --filter @wc/bench backfill:policies:pg [events] [rounds]   (the console on PostgreSQL, a fresh
//     schema per backfill in a throwaway cluster; the writer thread's CPU is then the server's, not counted)
// BENCH_CPU_PROF=<dir>: every BFF writes a V8 CPU profile there when it stops.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { activityLoggingUrl, compilePolicy, type PolicyRow } from "@wc/workday";
import { openStore } from "../../apps/bff/src/store/open-store";
import { BENCH_POLICIES } from "./bench-policies";
import { cpuSecondsOf, threadCpuOf, freePort, positional, runTs, stop, waitForUrl } from "./processes";
import { issueToken } from "./sim-consent";
import { CEILING, consentUpToCallback, finishedBackfill, PAGE_SIZE, startBenchConsole } from "./backfill-console";

const [eventsArg, roundsArg] = positional(process.argv.slice(2));
const EVENTS = Number(eventsArg ?? 1_000_000);
const ROUNDS = Number(roundsArg ?? 3);
const GOAL = 1.1;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "wc-bench-policies-"));
const HOUR = 3_600_000;
const POSTGRES = process.argv.includes("--postgres");

const simPort = await freePort();
const sim = runTs("src/server.ts", path.join(ROOT, "apps/workday-sim"), {
  WORKDAY_SIM_PORT: String(simPort),
  WORKDAY_SIM_EVENTS: String(EVENTS),
  WORKDAY_SIM_DAYS: "7",
});
const simUrl = `http://127.0.0.1:${simPort}`;
const children = [sim];

interface Run {
  withPolicies: boolean;
  rows: number;
  seconds: number;
  peakKb: number;
  /** CPU seconds the BFF and the simulator used from consent to the window's end. */
  bffCpu: number;
  /** The BFF's CPU seconds over the same span by thread: main, SQLite writer, V8's helpers (GC). */
  threads: { main: number; writer: number; gc: number };
  simCpu: number;
  /** With policies only. */
  alerts?: number;
  alertRows?: number;
  matches?: number;
  perPolicy?: { name: string; matches: number; alerts: number }[];
}

try {
  await waitForUrl(`${simUrl}/_sim/api/tenants`, sim);
  const reader = await issueToken(simUrl, "acme");
  const activityUrl = activityLoggingUrl(reader.client.restApiEndpoint);
  // Warm-up: the simulator builds a tenant's timeline on first use; nobody should pay for that.
  await fetch(`${activityUrl}?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&returnUserActivityEntryCount=true`, {
    headers: { authorization: `Bearer ${reader.token}` },
  });
  let injected = 0;
  const scenarios = ["worker-read-burst", "security-change", "foreign-address", "isu-browser", "proxy-session"];
  for (const [i, scenario] of scenarios.entries()) {
    for (const daysAgo of [1, 4]) {
      // Hours apart, inside every round's window (the last 7 days, less the sync's lag).
      const at = new Date(Date.now() - daysAgo * 24 * HOUR - (i * 5 + 3) * HOUR).toISOString();
      const res = await fetch(`${simUrl}/_sim/api/tenants/acme/activity/scenarios`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenario, at }),
      });
      if (res.status !== 201) throw new Error(`scenario ${scenario}: ${res.status} ${await res.text()}`);
      injected += ((await res.json()) as { rows: number }).rows;
    }
  }

  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  const loadBefore = load();
  console.log(
    `${POSTGRES ? "PostgreSQL" : "SQLite"}: backfill of ${EVENTS.toLocaleString("en-US")} simulated events over 7 days (+${injected} scenario rows), pages of ${PAGE_SIZE}, offset ceiling ${CEILING}; ${ROUNDS} rounds without and with ${BENCH_POLICIES.length} enabled policies, alternating`,
  );
  const runs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Who goes first alternates, so neither mode always meets the same moment of the other work on the machine.
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const withPolicies of order) {
      const run = await realBackfill(`${round}-${withPolicies ? "p" : "n"}`, withPolicies);
      runs.push(run);
      console.log(
        `round ${round + 1} ${withPolicies ? "with policies   " : "without policies"}  ${run.seconds.toFixed(1).padStart(6)} s  ${Math.round(
          run.rows / run.seconds,
        )
          .toLocaleString("en-US")
          .padStart(
            7,
          )} rows/s  ${run.rows.toLocaleString("en-US")} rows  peak RSS ${(run.peakKb / 1024).toFixed(0)} MB  CPU bff ${run.bffCpu.toFixed(1)} s (main ${run.threads.main.toFixed(1)}, writer ${run.threads.writer.toFixed(1)}, gc ${run.threads.gc.toFixed(1)}) sim ${run.simCpu.toFixed(1)} s` +
          (withPolicies
            ? `  ${run.matches?.toLocaleString("en-US")} matches, ${run.alerts} alerts (${run.alertRows?.toLocaleString("en-US")} rows in alerts)`
            : "") +
          `  load ${load()}`,
      );
    }
  }

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
  };
  const without = runs.filter((r) => !r.withPolicies);
  const withP = runs.filter((r) => r.withPolicies);
  const pairRatios = withP.map((r, i) => r.seconds / (without[i]?.seconds ?? NaN));
  const ratio = median(pairRatios);
  const last = withP.at(-1);
  console.log(`\nload average before ${loadBefore}, after ${load()} (2 cores, shared)`);
  console.log(`without policies, median        ${median(without.map((r) => r.seconds)).toFixed(1)} s`);
  console.log(`with policies, median           ${median(withP.map((r) => r.seconds)).toFixed(1)} s`);
  console.log(`with / without, each round      ${pairRatios.map((r) => r.toFixed(2)).join("  ")}`);
  console.log(
    `with / without, median of those ${ratio.toFixed(2)}   (ratio of the medians ${(median(withP.map((r) => r.seconds)) / median(without.map((r) => r.seconds))).toFixed(2)})`,
  );
  const cpu = (r: Run) => r.bffCpu + r.simCpu;
  console.log(
    `CPU (bff + sim), median         ${median(without.map(cpu)).toFixed(1)} s without, ${median(withP.map(cpu)).toFixed(1)} s with: ${(median(withP.map(cpu)) / median(without.map(cpu))).toFixed(2)}x (2 cores: a ratio the wall clock follows when the machine is busy)`,
  );
  console.log(`rows stored                     ${runs.map((r) => r.rows.toLocaleString("en-US")).join("  ")}`);
  console.log(`policy matches (with)           ${withP.map((r) => r.matches?.toLocaleString("en-US")).join("  ")}`);
  console.log(`alerts raised (with)            ${withP.map((r) => r.alerts).join("  ")}`);
  if (last?.perPolicy) {
    console.log(`\nper policy, last run with policies:`);
    for (const p of last.perPolicy)
      console.log(`  ${p.name.padEnd(62)} ${p.matches.toLocaleString("en-US").padStart(8)} matches ${String(p.alerts).padStart(6)} alerts`);
  }
  console.log(`\ngoal: with ≤ ${GOAL}× without — ${ratio <= GOAL ? "MET" : "NOT MET"} (${ratio.toFixed(2)}×)`);
} finally {
  for (const child of children) await stop(child);
  rmSync(work, { recursive: true, force: true });
}

function threadsSince(before: Map<string, number>, after: Map<string, number>): Run["threads"] {
  const used = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  return { main: used("MainThread"), writer: used("sqlite-writer"), gc: used("V8Worker") };
}

/** A fresh BFF process and SQLite file (or PostgreSQL schema), the policies (or none), a connector connected by consent, the backfill that consent starts. */
async function realBackfill(name: string, withPolicies: boolean): Promise<Run> {
  const c = await startBenchConsole({
    dataDir: path.join(work, `bff-${name}`),
    simPort,
    postgres: POSTGRES,
    env: process.env.BENCH_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}/bff-${name}` } : {},
  });
  const bff = c.bff;
  children.push(bff);
  if (withPolicies) for (const p of BENCH_POLICIES) await c.api("POST", "/api/policies", p);
  const { connectorId, callback } = await consentUpToCallback(c, simUrl, `Bench ${name}`);
  const cpuBefore = { bff: cpuSecondsOf(bff.pid ?? 0), sim: cpuSecondsOf(sim.pid ?? 0), threads: threadCpuOf(bff.pid ?? 0) };
  await c.api("GET", callback.pathname + callback.search);

  const store = await openStore(c.databaseUrl);
  try {
    const { window: w, peakKb } = await finishedBackfill(c, store, connectorId);
    const done: Run = {
      withPolicies,
      rows: w.rows,
      seconds: (Date.parse(w.finishedAt ?? "") - Date.parse(w.startedAt)) / 1000,
      peakKb,
      bffCpu: cpuSecondsOf(bff.pid ?? 0) - cpuBefore.bff,
      threads: threadsSince(cpuBefore.threads, threadCpuOf(bff.pid ?? 0)),
      simCpu: cpuSecondsOf(sim.pid ?? 0) - cpuBefore.sim,
    };
    await stop(bff);
    if (!withPolicies) return done;

    // Untimed, the BFF stopped: what the policies found.
    const policies = await store.listPolicies();
    const tests = policies.map((p) => ({ p, test: compilePolicy(p), matches: 0 }));
    for await (const r of store.streamActivity({ connectorId }, "asc", 5000)) {
      const row: PolicyRow = { ...r, targetId: r.target?.id ?? null, targetDescriptor: r.target?.descriptor ?? null };
      for (const t of tests) if (t.test(row)) t.matches++;
    }
    const alerts = await store.listAlerts({ connectorId, limit: 1_000_000 });
    const perPolicy = tests.map((t) => ({ name: t.p.name, matches: t.matches, alerts: alerts.filter((a) => a.policyId === t.p.id).length }));
    return {
      ...done,
      matches: perPolicy.reduce((n, p) => n + p.matches, 0),
      alerts: alerts.length,
      alertRows: alerts.reduce((n, a) => n + a.rowCount, 0),
      perPolicy,
    };
  } finally {
    await store.close();
    await stop(bff);
  }
}
