import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@wc/workday-sim";
import {
  connectorDetailResponseSchema,
  connectorResponseSchema,
  policyViewSchema,
  routes,
  startConsentResponseSchema,
  syncStatusResponseSchema,
} from "@wc/contracts";
import { generateKey } from "../src/platform/crypto/crypto";
import { Client } from "./harness";
import { pgTestDatabase } from "./pg-test-database";
import { startReplica, type Replica } from "./replica-process";
import { consentInWorkday, registerClient, simApi, type Sim } from "./sim-fixture";
import { backfillWindow, expectedAlerts, expectStoredExactly, simKeys, simRows, storedAlerts } from "./activity-fixture";
import { POLICY_TEMPLATES } from "@wc/workday";
import { openPgStore } from "../src/store/pg-store";

const baseUrl = process.env.WC_TEST_DATABASE_URL;
const ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };

/** Two console processes on one PostgreSQL, as behind a load balancer. */
(baseUrl ? describe : describe.skip)("two replicas on one PostgreSQL (set WC_TEST_DATABASE_URL to run)", () => {
  const db = pgTestDatabase(baseUrl ?? "postgres://unused");
  let sim: Sim;
  let a: Replica;
  let b: Replica;
  let env: Record<string, string>;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, host: "127.0.0.1" });
    env = {
      DATABASE_URL: await db.freshSchemaUrl(),
      ENCRYPTION_KEY: generateKey().toString("base64"),
      // Both replicas sit behind one public address; the tests call each directly.
      PUBLIC_URL: "http://console.example.test",
      ALLOWED_WORKDAY_HOSTS: `http://localhost:${sim.port},http://127.0.0.1:${sim.port}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      HEALTH_SCHEDULER_TICK_SECONDS: "1",
      ACTIVITY_SCHEDULER_TICK_SECONDS: "0.5",
      // A replica killed mid-backfill holds the connector this long; keep the test quick.
      ACTIVITY_LEASE_SECONDS: "2",
    };
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
  }, 60_000);

  afterAll(async () => {
    for (const r of [a, b]) if (r.child.exitCode === null) r.kill("SIGKILL");
    await sim.close();
    await db.dispose();
  });

  /** A browser whose requests go to one replica or the other; the session cookie is the same. */
  const browserOn = (r: Replica, from?: Client) => {
    const c = new Client(r.url);
    if (from) Object.assign(c, { cookies: (from as unknown as { cookies: Map<string, string> }).cookies });
    return c;
  };

  async function connectedThrough(start: Replica, finish: Replica) {
    const viaStart = browserOn(start);
    expect((await viaStart.post(routes.signIn, ADMIN)).status).toBe(200);
    const viaFinish = browserOn(finish, viaStart);
    const c = connectorResponseSchema.parse((await viaStart.post(routes.connectors, { name: `R ${Math.random()}` })).json()).connector;
    const reg = await registerClient(sim, "acme", c.redirectUri);
    expect((await viaFinish.put(routes.connectorDetails(c.id), { ...reg, samlSso: false })).status).toBe(200);
    const start1 = startConsentResponseSchema.parse((await viaStart.post(routes.connectorConsent(c.id), { mode: "popup" })).json());
    const { redirectedTo } = await consentInWorkday(start1.authorizationUrl, { decision: "Allow" });
    const cb = new URL(redirectedTo);
    expect(cb.origin).toBe("http://console.example.test");
    const back = await viaFinish.get(cb.pathname + cb.search);
    expect(back.status).toBe(303);
    return { id: c.id, reg, viaStart, viaFinish };
  }

  it("when consent starts on one replica and Workday's redirect lands on the other, then it completes", async () => {
    const { id, viaStart } = await connectedThrough(a, b);
    const detail = connectorDetailResponseSchema.parse((await viaStart.get(routes.connector(id))).json());
    expect(detail.connector).toMatchObject({ status: "connected", lastConsent: { outcome: "success" } });
  }, 60_000);

  it("when 50 forced refreshes come through both replicas at once, then the token endpoint never has two in flight for the connector", async () => {
    // Every access token is stale at once (shorter than the 60 s safety margin), so each check refreshes.
    await simApi(sim, "PATCH", "/options", { accessTokenTtlSeconds: 30 });
    const { id, reg, viaStart, viaFinish } = await connectedThrough(a, b);
    await simApi(sim, "DELETE", "/token-log");
    await simApi(sim, "POST", "/faults", { route: "token", kind: "latency", latencyMs: 300, count: 200 });
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? viaFinish : viaStart).post(routes.connectorChecks(id))));
      expect(answers.filter((r) => r.status !== 200).map((r) => r.text)).toEqual([]);
      const log = await simApi<{ requests: { clientId: string; grantType: string; count: number }[]; maxConcurrentRefreshesByClient: Record<string, number> }>(
        sim,
        "GET",
        "/token-log",
      );
      const refreshes = log.requests.filter((e) => e.clientId === reg.clientId && e.grantType === "refresh_token").reduce((n, e) => n + e.count, 0);
      expect(refreshes).toBeGreaterThanOrEqual(2);
      expect(log.maxConcurrentRefreshesByClient[reg.clientId]).toBe(1);
    } finally {
      await simApi(sim, "DELETE", "/faults");
      await simApi(sim, "PATCH", "/options", { accessTokenTtlSeconds: 3600 });
    }
  }, 120_000);

  it("when the replica running a backfill of over 100,000 rows is SIGKILLed, then the other finishes it, the stored rows equal Workday's exactly and each policy's alerts are raised exactly once", async () => {
    // acme_sandbox: ~118,000 events in the 7-day window, served with a little latency per page.
    await simApi(sim, "PUT", "/tenants/acme_sandbox/activity", { events: 135_000, days: 8 });
    await simApi(sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 30, count: 10_000, tenant: "acme_sandbox" });
    const viaA = browserOn(a);
    expect((await viaA.post(routes.signIn, ADMIN)).status).toBe(200);
    const viaB = browserOn(b, viaA);
    // Policies and their scenarios inside the window: both replicas run the sync's policies, and
    // each alert must be raised once, whichever replica stored its rows, across the kill.
    const policies = [];
    for (const id of ["security-configuration-changed", "many-worker-records-read", "proxy-session-started"]) {
      const t = POLICY_TEMPLATES.find((x) => x.id === id);
      if (!t) throw new Error(id);
      const res = await viaB.post(routes.policies, { name: `${t.name} ${Math.random()}`, severity: t.severity, ...t.definition, connectorIds: null });
      expect(res.status, res.text).toBe(201);
      policies.push(policyViewSchema.parse(res.json()));
    }
    const DAY = 24 * 3_600_000;
    for (const [scenario, daysAgo] of [
      ["security-change", 6],
      ["worker-read-burst", 4],
      ["proxy-session", 2],
      ["security-change", 1],
    ] as const) {
      await simApi(sim, "POST", "/tenants/acme_sandbox/activity/scenarios", { scenario, at: new Date(Date.now() - daysAgo * DAY).toISOString() });
    }
    const c = connectorResponseSchema.parse((await viaA.post(routes.connectors, { name: `Big ${Math.random()}` })).json()).connector;
    const reg = await registerClient(sim, "acme_sandbox", c.redirectUri);
    expect((await viaA.put(routes.connectorDetails(c.id), { ...reg, samlSso: false })).status).toBe(200);
    const started = startConsentResponseSchema.parse((await viaA.post(routes.connectorConsent(c.id), { mode: "popup" })).json());
    const { redirectedTo } = await consentInWorkday(started.authorizationUrl, { decision: "Allow" });
    const cb = new URL(redirectedTo);
    // The callback lands on A, which starts the backfill there.
    expect((await viaA.get(cb.pathname + cb.search)).status).toBe(303);

    const store = await openPgStore(env.DATABASE_URL ?? "");
    try {
      // Wait until a good part is stored, then kill A without warning.
      for (let i = 0; ; i++) {
        const rows = (await store.getSyncState(c.id))?.run?.rows ?? 0;
        if (rows >= 20_000) break;
        if (i > 600) throw new Error(`the backfill did not get going:\n${a.logs.join("").slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      a.kill("SIGKILL");
      expect(await a.exited).toBe("SIGKILL");
      const midway = await store.getSyncState(c.id);
      expect(midway?.run, "the backfill was cut off midway").not.toBeNull();

      // B takes the connector over once A's lease expires, and finishes the window.
      for (let i = 0; ; i++) {
        const sync = syncStatusResponseSchema.parse((await viaB.get(routes.connectorSync(c.id))).json()).sync;
        if (sync.progress?.finishedAt && sync.phase !== "backfilling") break;
        if (i > 1200) throw new Error(`B did not finish the backfill: ${JSON.stringify(sync)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const { from, coveredUntil } = await backfillWindow(store, c.id);
      const expected = simKeys(sim, "acme_sandbox", from, coveredUntil);
      expect(expected.size).toBeGreaterThanOrEqual(100_000);
      await expectStoredExactly(store, c.id, expected);
      const wanted = expectedAlerts(policies, simRows(sim, "acme_sandbox", from, coveredUntil));
      expect(wanted.length, "every scenario raises its alert").toBeGreaterThanOrEqual(4);
      expect(await storedAlerts(store, c.id), "each alert exactly once, with exactly its rows").toEqual(wanted);
      expect(b.logs.join("")).not.toContain('"level":50');
    } finally {
      await store.close();
      await simApi(sim, "DELETE", "/faults");
    }
  }, 240_000);

  it("when a replica gets SIGTERM, then it stops cleanly (exit 0) and the other keeps serving the same sessions", async () => {
    const c = await startReplica(env);
    const viaC = browserOn(c);
    expect((await viaC.post(routes.signIn, ADMIN)).status).toBe(200);
    c.kill("SIGTERM");
    expect(await c.exited).toBe(0);
    expect(c.logs.join("")).toContain("shutting down");
    const viaB = browserOn(b, viaC);
    expect((await viaB.get(routes.connectors)).status).toBe(200);
  }, 60_000);
});
