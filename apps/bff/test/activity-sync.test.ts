import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, routes } from "@wc/contracts";
import { backfillWindow, expectStoredExactly, simKeys, storedKeys, syncStatusOf } from "./activity-fixture";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const floorSec = (ms: number) => Math.floor(ms / 1000) * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack({ startSyncAfterConsent: true, outboundTimeoutMs: 1000, degradedAfter: 3, activity: { pageSize: 100 } });
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  stack.bff.clock.now = null;
  await simApi(stack.sim, "DELETE", "/faults");
});

/** A fresh connector on `tenant`, connected; its backfill starts on consent and is awaited. */
async function connectedAndSynced(tenant = "acme") {
  const { bff, sim } = stack;
  const p = await preparedConnector(bff, sim, tenant);
  await connect(bff.client, p.connector.id);
  await bff.activity.whenIdle(p.connector.id);
  return p;
}
const fault = (body: Record<string, unknown>) => simApi(stack.sim, "POST", "/faults", { route: "activityLogging", ...body });
/** Lets the first `pages` requests through untouched, so the next fault lands mid-backfill. */
const afterPages = (pages: number) => fault({ kind: "latency", latencyMs: 1, count: pages });
const timeline = async (id: string) => connectorDetailResponseSchema.parse((await stack.bff.client.get(routes.connector(id))).json()).timeline;
const later = (ms: number) => (stack.bff.clock.now = new Date(Date.now() + ms));

describe("backfill, then incremental", () => {
  it("when a connector is connected, then the backfill stores exactly the simulator's rows from 7 days before the connection up to now minus the lag", async () => {
    const { connector } = await connectedAndSynced();
    const c = await stack.bff.store.getConnector(connector.id);
    const w = await backfillWindow(stack.bff.store, connector.id);
    expect(w.from).toBe(iso(floorSec(Date.parse(c?.connectedAt ?? "") - 7 * DAY)));
    expect(Date.parse(c?.connectedAt ?? "") - Date.parse(w.coveredUntil)).toBeGreaterThanOrEqual(2 * MIN - 1000);
    const expected = simKeys(stack.sim, "acme", w.from, w.coveredUntil);
    expect(expected.size).toBeGreaterThan(1000);
    await expectStoredExactly(stack.bff.store, connector.id, expected);
    const status = await syncStatusOf(stack.bff, connector.id);
    expect(status).toMatchObject({ phase: "waiting", rowsStored: expected.size, lastError: null, coveredUntil: w.coveredUntil });
    expect(status.progress).toMatchObject({ kind: "backfill", rows: expected.size, from: w.from, to: w.coveredUntil });
    expect(status.progress?.finishedAt).not.toBeNull();
  });

  it("when the poll interval has passed, then an incremental window adds only the new rows, late ones included up to the lag", async () => {
    const { connector } = await connectedAndSynced();
    const first = await backfillWindow(stack.bff.store, connector.id);
    for (const s of ["a1", "a2", "a3"]) {
      await simApi(stack.sim, "POST", "/tenants/acme/activity/events", {
        systemAccount: "lmartin",
        taskDisplayName: "View Worker",
        sessionId: s,
        requestTime: iso(Date.now() - 10_000),
      });
    }
    later(6 * MIN);
    expect(await stack.bff.activity.runDue()).toBeGreaterThanOrEqual(1);
    await stack.bff.activity.whenIdle(connector.id);
    const s = await stack.bff.store.getSyncState(connector.id);
    expect(Date.parse(s?.coveredUntil ?? "")).toBeGreaterThan(Date.parse(first.coveredUntil));
    await expectStoredExactly(stack.bff.store, connector.id, simKeys(stack.sim, "acme", first.from, s?.coveredUntil ?? ""));
    const status = await syncStatusOf(stack.bff, connector.id);
    expect(status.progress?.kind).toBe("backfill");
    expect(status.lagSeconds).toBeLessThanOrEqual(2 * 60 + 1);
  });

  it("when rows sit exactly on a window boundary, then the next window fetches them once and none is lost or repeated", async () => {
    const boundary = floorSec(Date.now() - 5 * MIN);
    const event = (sessionId: string, at: number) =>
      simApi(stack.sim, "POST", "/tenants/acme/activity/events", { systemAccount: "boundary", taskDisplayName: "Edge", sessionId, requestTime: iso(at) });
    for (const [s, at] of [
      ["b1", boundary],
      ["b2", boundary],
      ["b3", boundary],
      ["before", boundary - 1],
      ["after", boundary + 1],
    ] as const)
      await event(s, at);
    stack.bff.clock.now = new Date(boundary + 2 * MIN); // the first window ends exactly at `boundary`
    const { connector } = await connectedAndSynced();
    const w = await backfillWindow(stack.bff.store, connector.id);
    expect(w.coveredUntil).toBe(iso(boundary));
    // Rows sharing a time are listed by key, not in Workday's order: compare as sets.
    const edge = async () =>
      (await stack.bff.store.listActivity({ filter: { connectorId: connector.id, account: "boundary" }, order: "asc", limit: 10 }))
        .map((r) => r.sessionId)
        .sort();
    expect(await edge()).toEqual(["before"]);
    stack.bff.clock.now = new Date(boundary + 10 * MIN);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(connector.id);
    expect(await edge()).toEqual(["after", "b1", "b2", "b3", "before"]);
    const s = await stack.bff.store.getSyncState(connector.id);
    await expectStoredExactly(stack.bff.store, connector.id, simKeys(stack.sim, "acme", w.from, s?.coveredUntil ?? ""));
  });
});

describe("offset ceiling", () => {
  it("when the offset would pass the configured ceiling, then the window re-anchors and ties straddling the anchor are neither lost nor doubled", async () => {
    const local = await startStack({ startSyncAfterConsent: true, activity: { pageSize: 5, offsetCeiling: 10 } });
    try {
      const tie = floorSec(Date.now() - 3 * DAY) + 123;
      for (let i = 0; i < 12; i++) {
        await simApi(local.sim, "POST", "/tenants/acme/activity/events", {
          systemAccount: "tied",
          taskDisplayName: "Same Time",
          sessionId: `t${i}`,
          requestTime: iso(tie),
        });
      }
      await simApi(local.sim, "PUT", "/tenants/acme/activity", { events: 300, days: 8 });
      const p = await preparedConnector(local.bff, local.sim, "acme");
      await connect(local.bff.client, p.connector.id);
      await local.bff.activity.whenIdle(p.connector.id);
      const w = await backfillWindow(local.bff.store, p.connector.id);
      await expectStoredExactly(local.bff.store, p.connector.id, simKeys(local.sim, "acme", w.from, w.coveredUntil));
      expect(await local.bff.store.countActivity({ connectorId: p.connector.id, account: "tied" })).toBe(12);
    } finally {
      await local.close();
    }
  });

  it("when Workday refuses an offset (its ceiling is lower than configured), then the window re-anchors there and completes exactly", async () => {
    await simApi(stack.sim, "PATCH", "/options", { offsetCeiling: 250 });
    try {
      const { connector } = await connectedAndSynced();
      const w = await backfillWindow(stack.bff.store, connector.id);
      const expected = simKeys(stack.sim, "acme", w.from, w.coveredUntil);
      expect(expected.size).toBeGreaterThan(600);
      await expectStoredExactly(stack.bff.store, connector.id, expected);
      expect((await syncStatusOf(stack.bff, connector.id)).lastError).toBeNull();
    } finally {
      await simApi(stack.sim, "PATCH", "/options", { offsetCeiling: 10_000 });
    }
  });
});

describe("paging ahead", () => {
  type Asked = { offset: string | null; limit: string | null; from: string | null; to: string | null; countOnly: boolean };
  type RequestLog = { requests: Asked[]; maxConcurrentByTenant: Record<string, number> };

  /**
   * Backfills a fresh connector (pages of 100, re-anchored past offset 300) with every activity
   * request held 20 ms; the pages Workday was asked for, and the pages a window that asks for each
   * page once needs: per anchor, offsets 0, 100, … up to Workday's total or the ceiling.
   */
  async function backfillLogged(requestsInFlight: 1 | 2) {
    const local = await startStack({ startSyncAfterConsent: true, activity: { pageSize: 100, offsetCeiling: 300, requestsInFlight } });
    try {
      await simApi(local.sim, "PUT", "/tenants/acme/activity", { events: 1200, days: 8 });
      const p = await preparedConnector(local.bff, local.sim, "acme");
      await simApi(local.sim, "DELETE", "/activity-requests");
      await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 20, count: 1000 });
      await connect(local.bff.client, p.connector.id);
      await local.bff.activity.whenIdle(p.connector.id);
      const w = await backfillWindow(local.bff.store, p.connector.id);
      await expectStoredExactly(local.bff.store, p.connector.id, simKeys(local.sim, "acme", w.from, w.coveredUntil));
      const log = await simApi<RequestLog>(local.sim, "GET", "/activity-requests");
      const asked = log.requests.filter((r) => !r.countOnly && r.limit === "100");
      const activity = local.sim.sim.state.tenant("acme").activity;
      const needed = [...new Set(asked.map((r) => `${r.from}|${r.to}`))].flatMap((window) => {
        const [from = "", to = ""] = window.split("|");
        const pages = Math.min(Math.ceil(activity.count(Date.parse(from), Date.parse(to)) / 100), 4);
        return Array.from({ length: pages }, (_, i) => `${from} @${i * 100}`);
      });
      return { asked: asked.map((r) => `${r.from} @${r.offset}`), needed, maxInFlight: log.maxConcurrentByTenant.acme ?? 0 };
    } finally {
      await local.close();
    }
  }

  it("when a backfill pages through a window, then the page after the next is asked for while one is read: two requests in flight at most, and exactly the pages the window needs, each once", async () => {
    const { asked, needed, maxInFlight } = await backfillLogged(2);
    expect(new Set(asked.map((a) => a.split(" @")[0])).size).toBeGreaterThan(2);
    expect(maxInFlight).toBe(2);
    expect(asked.length).toBe(new Set(asked).size);
    expect([...asked].sort()).toEqual([...needed].sort());
  });

  it("when Workday refuses a page asked for ahead, then the answer is dropped unjudged and the page asked for again in turn, where it is judged: the backfill completes exactly and the connector stays connected", async () => {
    // Requests 1 and 2 are the first two pages, asked for in turn; from the third on each page was asked for ahead.
    await afterPages(4);
    // Judged, a 403 would stop the window (action required); the page asked again in turn gets a 200.
    await fault({ kind: "status", status: 403, count: 1 });
    await simApi(stack.sim, "DELETE", "/activity-requests");
    const { connector } = await connectedAndSynced();
    const w = await backfillWindow(stack.bff.store, connector.id);
    await expectStoredExactly(stack.bff.store, connector.id, simKeys(stack.sim, "acme", w.from, w.coveredUntil));
    const c = await stack.bff.store.getConnector(connector.id);
    expect(c).toMatchObject({ status: "connected", consecutiveTransientFailures: 0 });
    const log = await simApi<RequestLog>(stack.sim, "GET", "/activity-requests");
    const asked = log.requests.filter((r) => !r.countOnly && r.limit === "100").map((r) => r.offset);
    // One page asked for twice: ahead (refused, dropped), then in turn.
    expect(asked.filter((o, i) => asked.indexOf(o) !== i)).toHaveLength(1);
  });

  it("when ACTIVITY_REQUESTS_IN_FLIGHT is 1, then a page is asked for only once the one before arrived", async () => {
    const { asked, needed, maxInFlight } = await backfillLogged(1);
    expect(maxInFlight).toBe(1);
    expect([...asked].sort()).toEqual([...needed].sort());
  });
});

describe("failures injected mid-backfill", () => {
  // How one page's failures are judged, counted and retried. Fault counts are per request, and a
  // page asked for ahead drops a failed answer unjudged (tested under "paging ahead"), so these run
  // with one request in flight: each fault lands on a page asked for in turn.
  let shared: typeof stack;
  beforeAll(async () => {
    shared = stack;
    stack = await startStack({ startSyncAfterConsent: true, outboundTimeoutMs: 1000, degradedAfter: 3, activity: { pageSize: 100, requestsInFlight: 1 } });
  });
  afterAll(async () => {
    await stack.close();
    stack = shared;
  });

  const completesExactly = async (id: string) => {
    const w = await backfillWindow(stack.bff.store, id);
    await expectStoredExactly(stack.bff.store, id, simKeys(stack.sim, "acme", w.from, w.coveredUntil));
  };

  it("when Workday answers 429 with Retry-After, then the sync waits and continues; one blip does not degrade the connector", async () => {
    await afterPages(3);
    await fault({ kind: "rate_limit", retryAfterSeconds: 1, count: 1 });
    const { connector } = await connectedAndSynced();
    await completesExactly(connector.id);
    expect((await timeline(connector.id)).map((t) => t.to)).not.toContain("degraded");
    expect((await stack.bff.store.getConnector(connector.id))?.consecutiveTransientFailures).toBe(0);
  });

  it("when Workday answers 503 three times in a row, then the connector shows degraded, backs off, and returns to connected when pages flow again", async () => {
    await afterPages(4);
    await fault({ kind: "status", status: 503, count: 3 });
    const { connector } = await connectedAndSynced();
    await completesExactly(connector.id);
    const moves = (await timeline(connector.id)).slice(-2);
    expect(moves).toMatchObject([
      { from: "connected", to: "degraded", reasonCode: "workday_unavailable", actor: "activity sync" },
      { from: "degraded", to: "connected", actor: "activity sync" },
    ]);
  });

  it("when requests time out or the connection is reset, then they are retried and nothing is lost", async () => {
    await afterPages(2);
    await fault({ kind: "latency", latencyMs: 1500, count: 1 });
    await fault({ kind: "reset", count: 1 });
    const { connector } = await connectedAndSynced();
    await completesExactly(connector.id);
  });

  it("when failures outlast the attempts, then the run is retried later from its checkpoint and completes exactly", async () => {
    await afterPages(5);
    await fault({ kind: "status", status: 502, count: 6 });
    const { connector } = await connectedAndSynced();
    const stopped = await syncStatusOf(stack.bff, connector.id);
    expect(stopped).toMatchObject({ phase: "retrying", lastError: { reasonCode: "workday_unavailable" }, progress: { kind: "backfill", finishedAt: null } });
    expect(stopped.rowsStored).toBe(500);
    later(5 * MIN);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(connector.id);
    await completesExactly(connector.id);
    expect((await stack.bff.store.getConnector(connector.id))?.status).toBe("connected");
  });

  it("when one 401 arrives, then the token is refreshed once and the backfill continues", async () => {
    await afterPages(3);
    await fault({ kind: "status", status: 401, count: 1 });
    await simApi(stack.sim, "DELETE", "/token-log");
    const { connector, reg } = await connectedAndSynced();
    await completesExactly(connector.id);
    const log = await simApi<{ requests: { clientId: string; grantType: string; count: number }[] }>(stack.sim, "GET", "/token-log");
    expect(log.requests.filter((r) => r.clientId === reg.clientId && r.grantType === "refresh_token").reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it("when a 401 persists after the refresh, then the sync stops with access_token_rejected (reconnect) and keeps a gap-free prefix", async () => {
    await afterPages(3);
    await fault({ kind: "status", status: 401, count: 2 });
    const { connector } = await connectedAndSynced();
    expect(await stack.bff.store.getConnector(connector.id)).toMatchObject({ status: "relink_needed", reasonCode: "access_token_rejected" });
    const status = await syncStatusOf(stack.bff, connector.id);
    expect(status).toMatchObject({ phase: "blocked", lastError: { reasonCode: "access_token_rejected" } });
    const run = (await stack.bff.store.getSyncState(connector.id))?.run;
    const stored = await storedKeys(stack.bff.store, connector.id);
    expect(stored).toHaveLength(300);
    // Everything Workday has before the last stored row's second is stored: a prefix, no gap.
    const prefix = simKeys(stack.sim, "acme", run?.from ?? "", iso(floorSec(Date.parse(run?.cursor.lastRowTime ?? ""))));
    expect([...prefix].filter((k) => !stored.includes(k))).toEqual([]);
  });

  it("when Workday answers 403 mid-backfill, then action_required names System Auditing; after the checks pass again, the backfill resumes and completes", async () => {
    await afterPages(3);
    await fault({ kind: "status", status: 403, count: 1 });
    const { connector } = await connectedAndSynced();
    expect(await stack.bff.store.getConnector(connector.id)).toMatchObject({ status: "action_required", reasonCode: "permission_system_auditing" });
    expect((await syncStatusOf(stack.bff, connector.id)).phase).toBe("blocked");
    expect((await stack.bff.client.post(routes.connectorChecks(connector.id))).json()).toMatchObject({ connector: { status: "connected" } });
    later(5 * MIN);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(connector.id);
    await completesExactly(connector.id);
  });
});

describe("stopping", () => {
  it.each([1, 2] as const)(
    "when the console stops while Workday holds a page request (%i in flight), then the request is abandoned at once, no failure is counted, and the run stays to resume",
    async (requestsInFlight) => {
      const local = await startStack({ startSyncAfterConsent: true, outboundTimeoutMs: 60_000, activity: { pageSize: 100, requestsInFlight } });
      try {
        await simApi(local.sim, "PUT", "/tenants/acme/activity", { events: 1200, days: 8 });
        const p = await preparedConnector(local.bff, local.sim, "acme");
        await simApi(local.sim, "DELETE", "/activity-requests");
        await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 1, count: 2 });
        // Longer than this test may take: a stop that waited for Workday's answer would time it out.
        await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 120_000, count: 10 });
        await connect(local.bff.client, p.connector.id);
        // Past the second page's request (and the one asked ahead with it): two pages are in by then.
        for (let asked = 0; asked < 2 + requestsInFlight;) {
          await new Promise((r) => setTimeout(r, 20));
          asked = (await simApi<{ total: number }>(local.sim, "GET", "/activity-requests")).total;
        }
        await local.bff.activity.stop();
        expect(await local.bff.store.getConnector(p.connector.id)).toMatchObject({ status: "connected", consecutiveTransientFailures: 0 });
        const state = await local.bff.store.getSyncState(p.connector.id);
        expect(state?.lastError ?? null).toBeNull();
        expect(state?.run).toMatchObject({ kind: "backfill", rows: 200 });
      } finally {
        await local.close();
      }
    },
  );
});

describe("lease fencing", () => {
  it("when another replica takes the sync's lease over mid-window (this one stalled), then this window commits no page after it and stops without an error or the connector's upkeep", async () => {
    const local = await startStack({ startSyncAfterConsent: true, activity: { pageSize: 100, requestsInFlight: 1 } });
    try {
      await simApi(local.sim, "PUT", "/tenants/acme/activity", { events: 1200, days: 8 });
      const p = await preparedConnector(local.bff, local.sim, "acme");
      await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 80, count: 100 });
      await connect(local.bff.client, p.connector.id);
      const stored = () => local.bff.store.countActivity({ connectorId: p.connector.id });
      while ((await stored()) < 200) await new Promise((r) => setTimeout(r, 10));
      // As if this replica's renewals had stalled past the lease's expiry and another took it over.
      const later = new Date(Date.now() + 10 * MIN);
      expect(await local.bff.store.tryAcquireLease(`sync:${p.connector.id}`, "another-replica", 10 * MIN, later)).toBe(true);
      const atTakeover = await stored();
      await local.bff.activity.whenIdle(p.connector.id);
      expect(await stored()).toBe(atTakeover);
      expect(atTakeover).toBeLessThan(1000);
      expect(await local.bff.store.getConnector(p.connector.id)).toMatchObject({ status: "connected", consecutiveTransientFailures: 0 });
      const state = await local.bff.store.getSyncState(p.connector.id);
      expect(state?.lastError ?? null).toBeNull();
      // The worker accounts' refresh and the retention prune are the new owner's too.
      expect({ workersNextAt: state?.workersNextAt ?? null, prunedAt: state?.prunedAt ?? null }).toEqual({ workersNextAt: null, prunedAt: null });
    } finally {
      await local.close();
    }
  });
});

describe("re-sync", () => {
  it("when an admin re-syncs a window, then missing rows come back, stored ones stay single, and the checkpoint and the next poll do not move", async () => {
    const { connector } = await connectedAndSynced();
    const w = await backfillWindow(stack.bff.store, connector.id);
    const cut = iso(Date.parse(w.from) + DAY);
    const removed = await stack.bff.store.pruneActivity(connector.id, cut);
    expect(removed).toBeGreaterThan(20);
    const before = await stack.bff.store.getSyncState(connector.id);
    // Some seconds on, an incremental window would have something to cover: the re-sync must not start one early.
    later(30_000);
    const res = await stack.bff.client.post(routes.connectorResync(connector.id), { from: w.from, to: iso(Date.parse(cut) + 3600_000) });
    expect(res.status).toBe(202);
    await stack.bff.activity.whenIdle(connector.id);
    await expectStoredExactly(stack.bff.store, connector.id, simKeys(stack.sim, "acme", w.from, w.coveredUntil));
    const status = await syncStatusOf(stack.bff, connector.id);
    expect(status).toMatchObject({ coveredUntil: w.coveredUntil, progress: { kind: "resync", from: w.from } });
    expect(status.progress?.finishedAt).not.toBeNull();
    expect(status.nextSyncAt).toBe(before?.nextSyncAt);
  });
});

describe("waiting after a failure", () => {
  it("when a 403 stopped the backfill, then scheduler ticks leave Workday alone until the next poll; a new consent starts at once", async () => {
    // One request in flight: the faults are counted per request (see "failures injected mid-backfill").
    const local = await startStack({ startSyncAfterConsent: true, activity: { pageSize: 100, requestsInFlight: 1 } });
    try {
      await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 1, count: 2 });
      await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "status", status: 403, count: 5 });
      const p = await preparedConnector(local.bff, local.sim, "acme");
      await connect(local.bff.client, p.connector.id);
      await local.bff.activity.whenIdle(p.connector.id);
      for (let i = 0; i < 3; i++) {
        await local.bff.activity.runDue();
        await local.bff.activity.whenIdle(p.connector.id);
      }
      const remaining = async () =>
        (await simApi<{ faults: { kind: string; remaining: number }[] }>(local.sim, "GET", "/faults")).faults.find((f) => f.kind === "status")?.remaining;
      expect(await remaining()).toBe(4);
      await connect(local.bff.client, p.connector.id);
      await local.bff.activity.whenIdle(p.connector.id);
      expect(await remaining()).toBe(3);
    } finally {
      await local.close();
    }
  });
});

describe("accounts and retention", () => {
  it("when a backfill ran, then the account list is there and rows carry the worker's name", async () => {
    const { connector } = await connectedAndSynced();
    const accounts = (await stack.bff.client.get(routes.connectorAccounts(connector.id))).json<{
      accounts: { systemAccount: string | null; name: string }[];
      refreshedAt: string | null;
    }>();
    expect(accounts.accounts.length).toBeGreaterThan(40);
    expect(accounts.refreshedAt).not.toBeNull();
    const names = new Map(accounts.accounts.map((a) => [a.systemAccount, a.name]));
    const rows = await stack.bff.store.listActivity({ filter: { connectorId: connector.id }, order: "desc", limit: 500 });
    const ofWorkers = rows.filter((r) => names.has(r.systemAccount));
    expect(ofWorkers.length).toBeGreaterThan(200);
    expect(ofWorkers.every((r) => r.accountName === names.get(r.systemAccount))).toBe(true);
  });

  it("when rows age past the retention, then the scheduled prune removes exactly those", async () => {
    const { connector } = await connectedAndSynced();
    const w = await backfillWindow(stack.bff.store, connector.id);
    const settings = { backfillDays: 7, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 7 };
    expect((await stack.bff.client.put(routes.connectorSyncSettings(connector.id), settings)).status).toBe(200);
    await stack.bff.activity.whenIdle(connector.id);
    later(2 * DAY);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(connector.id);
    const cutoff = iso(Date.parse(stack.bff.clock.now?.toISOString() ?? "") - 7 * DAY);
    const oldest = (await stack.bff.store.listActivity({ filter: { connectorId: connector.id }, order: "asc", limit: 1 }))[0];
    expect(Date.parse(oldest?.requestTime ?? "")).toBeGreaterThanOrEqual(Date.parse(cutoff));
    const s = await stack.bff.store.getSyncState(connector.id);
    expect(s?.prunedAt).not.toBeNull();
    await expectStoredExactly(stack.bff.store, connector.id, simKeys(stack.sim, "acme", cutoff > w.from ? cutoff : w.from, s?.coveredUntil ?? ""));
  });
});

describe("isolation", () => {
  it("when one tenant is rate-limited for a long time, then another connector's backfill completes meanwhile", async () => {
    const local = await startStack({ startSyncAfterConsent: true, activity: { pageSize: 200 } });
    try {
      await simApi(local.sim, "POST", "/faults", { route: "activityLogging", kind: "rate_limit", retryAfterSeconds: 30, count: 1, tenant: "acme" });
      const slow = await preparedConnector(local.bff, local.sim, "acme");
      await connect(local.bff.client, slow.connector.id);
      const fast = await preparedConnector(local.bff, local.sim, "acme_sandbox");
      await connect(local.bff.client, fast.connector.id);
      await local.bff.activity.whenIdle(fast.connector.id);
      expect(local.bff.activity.isRunning(slow.connector.id)).toBe(true);
      const w = await backfillWindow(local.bff.store, fast.connector.id);
      await expectStoredExactly(local.bff.store, fast.connector.id, simKeys(local.sim, "acme_sandbox", w.from, w.coveredUntil));
      expect((await syncStatusOf(local.bff, slow.connector.id)).phase).toBe("backfilling");
    } finally {
      await local.close();
    }
  });
});
