// What the backfill benches share: a console of its own (fresh SQLite file or PostgreSQL schema),
// a connector connected by consent to the simulator's "acme", and the backfill that consent
// starts, followed from the console's database (a cheap indexed read, not the status route, whose
// row counts would add work to the process being measured).
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import type { Store, SyncStateRecord } from "../../apps/bff/src/store/types";
import { bffClient } from "./bff-client";
import { freshSchemaUrl } from "./pg-schema";
import { consoleArgs, consoleStartOf, freePort, memoryOf, runNode, sleep, stallWatch, waitForUrl } from "./processes";
import { registerClient, signInAndAllow } from "./sim-consent";

export const BENCH_ADMIN = { email: "bench@example.com", password: "bench-password-1" };
export const PAGE_SIZE = 1000;
export const CEILING = 10_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

type Child = ChildProcess & { output: () => string };

export interface BenchConsole {
  bff: Child;
  databaseUrl: string;
  api: ReturnType<typeof bffClient>;
}

/** A fresh console process in `dataDir`, started as this bench's command line asks, signed in as the bench's admin. */
export async function startBenchConsole(o: { dataDir: string; simPort: number; postgres: boolean; env?: Record<string, string> }): Promise<BenchConsole> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = o.postgres ? await freshSchemaUrl() : `file:${path.join(o.dataDir, "workday-connect.db")}`;
  const bff = runNode(consoleArgs(consoleStartOf(process.argv)), path.join(ROOT, "apps/bff"), {
    NODE_ENV: "test",
    PORT: String(port),
    PUBLIC_URL: base,
    DATA_DIR: o.dataDir,
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    ALLOWED_WORKDAY_HOSTS: `http://localhost:${o.simPort},http://127.0.0.1:${o.simPort}`,
    LOG_LEVEL: "warn",
    HEALTH_SCHEDULER_TICK_SECONDS: "0",
    ACTIVITY_SCHEDULER_TICK_SECONDS: "5",
    ACTIVITY_PAGE_SIZE: String(PAGE_SIZE),
    ACTIVITY_OFFSET_CEILING: String(CEILING),
    ...o.env,
  });
  await waitForUrl(`${base}/api/health`, bff);
  const api = bffClient(base);
  await api("POST", "/api/auth/sign-in", BENCH_ADMIN);
  return { bff, databaseUrl, api };
}

/**
 * Creates a connector and takes it through consent in the simulator, up to Workday's redirect back:
 * following `callback` (a GET on the console) completes the consent and starts the backfill.
 */
export async function consentUpToCallback(c: BenchConsole, simUrl: string, name: string): Promise<{ connectorId: string; callback: URL }> {
  const { connector } = (await c.api("POST", "/api/connectors", { name })) as { connector: { id: string; redirectUri: string } };
  const reg = await registerClient(simUrl, "acme", connector.redirectUri);
  await c.api("PUT", `/api/connectors/${connector.id}/details`, { ...reg, samlSso: false });
  const { authorizationUrl } = (await c.api("POST", `/api/connectors/${connector.id}/consent`, { mode: "popup" })) as { authorizationUrl: string };
  return { connectorId: connector.id, callback: await signInAndAllow(authorizationUrl) };
}

/** The finished backfill window, with the console's peak RSS, read from `store` every half second (a stall ends the run). */
export async function finishedBackfill(
  c: BenchConsole,
  store: Store,
  connectorId: string,
): Promise<{ window: NonNullable<SyncStateRecord["lastWindow"]>; peakKb: number }> {
  const stalled = stallWatch(c.bff, "the BFF's backfill");
  for (;;) {
    await sleep(500);
    if (c.bff.exitCode !== null) throw new Error(`the BFF exited:\n${c.bff.output()}`);
    const state = await store.getSyncState(connectorId);
    stalled([state?.run?.rows, state?.lastWindow?.finishedAt]);
    const w = state?.lastWindow;
    if (w?.finishedAt && state?.run === null) return { window: w, peakKb: memoryOf(c.bff.pid ?? 0).peakKb };
  }
}
