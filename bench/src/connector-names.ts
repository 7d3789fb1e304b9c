// Every connector's name, as the activity, alerts, policies and notifications pages need them for
// their pickers: read through the connectors list at its largest page (200, following nextCursor;
// what the SPA did before GET /api/connector-names) against the names route, alternating, in one
// run. The console (compiled, its own process, a fresh SQLite store seeded with `count` connectors,
// background work off) answers a signed-in session asking for brotli, as a browser does.
// Prints, per way, the best and median time over the rounds, requests and bytes on the wire and
// decoded, and the ratio names / list. Loopback has no round-trip time; over a network each of the
// list's requests adds one.
//   pnpm --filter @wc/bench connector-names [count] [rounds]   (defaults 10000 and 9)
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { seedConnectors } from "../../apps/bff/src/cli/seed-connectors";
import { IDLE_ADMIN, sessionCookie, startIdleConsole } from "./idle-console";
import { positional, stop } from "./processes";

const [countArg, roundsArg] = positional(process.argv.slice(2));
const COUNT = Number(countArg ?? 10_000);
const ROUNDS = Number(roundsArg ?? 9);
// The routes as packages/contracts/src/routes.ts names them (the bench does not depend on the contracts package).
const LIST = "/api/connectors";
const NAMES = "/api/connector-names";
const work = mkdtempSync(path.join(tmpdir(), "wc-names-"));
const dataDir = path.join(work, "data");
mkdirSync(dataDir, { recursive: true });
await seedConnectors(path.join(dataDir, "workday-connect.db"), COUNT);

const { bff, origin } = await startIdleConsole(dataDir);

interface Read {
  ms: number;
  names: number;
  requests: number;
  wireBytes: number;
  decodedBytes: number;
}

try {
  const headers = { cookie: await sessionCookie(origin, IDLE_ADMIN), "accept-encoding": "br, gzip" };

  const get = async (url: string) => {
    const res = await fetch(url, { headers });
    const text = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
    return { json: JSON.parse(text) as Record<string, unknown>, wire: Number(res.headers.get("content-length") ?? text.length), decoded: text.length };
  };

  const throughList = async (): Promise<Read> => {
    const started = performance.now();
    const r: Read = { ms: 0, names: 0, requests: 0, wireBytes: 0, decodedBytes: 0 };
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ limit: "200", sort: "name" });
      if (cursor !== null) q.set("cursor", cursor);
      const { json, wire, decoded } = await get(`${origin}${LIST}?${q.toString()}`);
      r.names += (json.connectors as unknown[]).length;
      r.requests++;
      r.wireBytes += wire;
      r.decodedBytes += decoded;
      cursor = json.nextCursor as string | null;
    } while (cursor !== null);
    r.ms = performance.now() - started;
    return r;
  };

  const throughNames = async (): Promise<Read> => {
    const started = performance.now();
    const { json, wire, decoded } = await get(`${origin}${NAMES}`);
    return { ms: performance.now() - started, names: (json.connectors as unknown[]).length, requests: 1, wireBytes: wire, decodedBytes: decoded };
  };

  // One untimed read each: the first read of a table and the first compression are not what a page load pays.
  await throughList();
  await throughNames();
  const reads = { list: [] as Read[], names: [] as Read[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (["list", "names"] as const) : (["names", "list"] as const);
    for (const way of order) reads[way].push(way === "list" ? await throughList() : await throughNames());
  }
  for (const [way, all] of Object.entries(reads)) {
    const bad = all.find((r) => r.names !== COUNT);
    if (bad) throw new Error(`${way}: ${bad.names} names, expected ${COUNT}`);
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const best = (xs: number[]) => Math.min(...xs);
  const row = (label: string, all: Read[]) => {
    const r = all[0] as Read;
    return `${label.padEnd(40)}${best(all.map((x) => x.ms))
      .toFixed(0)
      .padStart(8)}${median(all.map((x) => x.ms))
      .toFixed(0)
      .padStart(8)}${String(r.requests).padStart(9)}${(r.wireBytes / 1024).toFixed(0).padStart(10)}${(r.decodedBytes / 1024).toFixed(0).padStart(11)}`;
  };
  console.log(
    `\nevery connector's name, ${COUNT.toLocaleString("en-US")} connectors, ${ROUNDS} rounds alternating; ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(`${"".padEnd(40)}${"best ms".padStart(8)}${"median".padStart(8)}${"requests".padStart(9)}${"wire KB".padStart(10)}${"decoded KB".padStart(11)}`);
  console.log(row("GET /api/connectors, 200 a page", reads.list));
  console.log(row("GET /api/connector-names", reads.names));
  const ratio = median(reads.names.map((x) => x.ms)) / median(reads.list.map((x) => x.ms));
  console.log(
    `names / list: ${ratio.toFixed(2)}× the time (medians), ${((reads.names[0]?.wireBytes ?? 0) / (reads.list[0]?.wireBytes ?? 1)).toFixed(2)}× the bytes on the wire`,
  );
} finally {
  await stop(bff);
  rmSync(work, { recursive: true, force: true });
}
