// Startup time of the console (issue 16): from spawning the process to the first 200 from
// /api/health, for the development start (`node --import tsx src/server.ts`, TypeScript compiled
// on the fly) and the production start (`node dist/server.mjs`, built by `pnpm --filter @wc/bff
// build`), alternated in one run on the same SQLite file (migrated and with its admin by a first
// start that is not counted), so both meet the same machine and the same data.
//   pnpm --filter @wc/bench startup [rounds]     (default 7 of each; the script builds the BFF first)
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, runNode, sleep, stop } from "./processes";

const ROUNDS = Number(process.argv[2] ?? 7);
const BFF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/bff");
const STARTS = {
  "tsx (src/server.ts)": ["--import", "tsx", "src/server.ts"],
  "node (dist/server.mjs)": ["dist/server.mjs"],
} as const;
type Start = keyof typeof STARTS;

const dataDir = mkdtempSync(path.join(tmpdir(), "wc-startup-"));
const env = (port: number) => ({
  PORT: String(port),
  DATA_DIR: dataDir,
  // The web build is not what is measured: without it the console serves only the API.
  WEB_DIST_DIR: path.join(dataDir, "no-web"),
  ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  ADMIN_EMAIL: "bench@example.com",
  ADMIN_PASSWORD: "bench-password-1",
  HEALTH_SCHEDULER_TICK_SECONDS: "0",
  ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
  NOTIFY_TICK_SECONDS: "0",
  LOG_LEVEL: "warn",
});

/** Milliseconds from spawn to the first 200 from /api/health (polled every 5 ms). */
async function timeStart(start: Start): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const child = runNode([...STARTS[start]], BFF, env(port));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${start} exited:\n${child.output()}`);
      const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return performance.now() - began;
      if (performance.now() - began > 60_000) throw new Error(`${start} did not answer within 60 s:\n${child.output()}`);
      await sleep(5);
    }
  } finally {
    await stop(child);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

try {
  await timeStart("node (dist/server.mjs)");
  const times: Record<Start, number[]> = { "tsx (src/server.ts)": [], "node (dist/server.mjs)": [] };
  const order = Object.keys(STARTS) as Start[];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always follows the other.
    for (const start of round % 2 ? [...order].reverse() : order) times[start].push(await timeStart(start));
  }
  console.log(`startup, ${ROUNDS} rounds of each, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)}`);
  console.log("| start | median | min | max |\n| --- | --- | --- | --- |");
  for (const start of order) {
    const t = times[start];
    console.log(`| ${start} | ${Math.round(median(t))} ms | ${Math.round(Math.min(...t))} ms | ${Math.round(Math.max(...t))} ms |`);
  }
  const ratio = median(times["node (dist/server.mjs)"]) / median(times["tsx (src/server.ts)"]);
  console.log(`compiled / tsx (medians): ${ratio.toFixed(2)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
