import { describe, expect, it } from "vitest";
import { activityClient, allRows } from "./support/activity";
import { apiGet, control, useSimulator } from "./support/sim";
import { anyString, containing } from "./support/matchers";

// Generated activity: 2000 events over the 8 days before this instant.
const ctx = useSimulator({ now: () => new Date("2024-06-05T12:00:00Z") });
const FROM = "2024-05-28T12:00:00Z";
const TO = "2024-06-05T12:00:00Z";

describe("activityLogging: paging and order", () => {
  it("when every page of the window is read, then total is the same on each page and the rows add up to it", async () => {
    const { query } = await activityClient(ctx.sim);
    const { rows, totals } = await allRows(query, FROM, TO, 300);
    expect(totals).toEqual([2000]);
    expect(rows).toHaveLength(2000);
    const big = await allRows(query, FROM, TO, 1000);
    expect(big.rows).toEqual(rows);
  });

  it("when rows are read, then they are chronological and some share the exact same requestTime", async () => {
    const { query } = await activityClient(ctx.sim);
    const { rows } = await allRows(query, FROM, TO, 1000);
    const times = rows.map((r) => String(r.requestTime));
    expect([...times].sort()).toEqual(times);
    expect(times.some((t, i) => i > 0 && t === times[i - 1])).toBe(true);
  });

  it("when a row sits exactly on a second, then from includes it and to excludes it", async () => {
    const { query } = await activityClient(ctx.sim);
    const { rows } = await allRows(query, FROM, TO, 1000);
    const onSecond = rows.find((r) => String(r.requestTime).endsWith(".000Z"));
    expect(onSecond).toBeDefined();
    const boundary = String(onSecond?.requestTime).replace(".000Z", "Z");
    const before = await query({ from: FROM, to: boundary, limit: "1000" });
    const after = await query({ from: boundary, to: TO, limit: "1" });
    expect(before.json.data.some((r) => r.requestTime === onSecond?.requestTime)).toBe(false);
    expect(after.json.data[0]?.requestTime).toBe(onSecond?.requestTime);
    expect(before.json.total + after.json.total).toBe(2000);
  });

  it("when no limit is given, then 100 rows come back", async () => {
    const { query } = await activityClient(ctx.sim);
    const res = await query({ from: FROM, to: TO });
    expect(res.json.data).toHaveLength(100);
    expect(res.json.total).toBe(2000);
  });

  it("when returnUserActivityEntryCount=true, then only the count comes back", async () => {
    const { query } = await activityClient(ctx.sim);
    const res = await query({ from: FROM, to: TO, returnUserActivityEntryCount: "true" });
    expect(res.json).toEqual({ data: [{ userActivityEntryCount: 2000 }], total: 1 });
  });

  it("when offset is exactly the ceiling, then it is accepted; above it, 400 with a clear error", async () => {
    const { query } = await activityClient(ctx.sim);
    expect((await query({ from: FROM, to: TO, offset: "10000" })).json).toEqual({ data: [], total: 2000 });
    const res = await query({ from: FROM, to: TO, offset: "10001" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "Invalid request", errors: [{ error: containing("offset") }] });
    expect(JSON.stringify(res.json)).toContain("10000");
  });

  it("when offsetCeiling is lowered, then the new ceiling applies", async () => {
    await control(ctx.sim, "PATCH", "/options", { offsetCeiling: 40 });
    const { query } = await activityClient(ctx.sim);
    expect((await query({ from: FROM, to: TO, offset: "41" })).status).toBe(400);
    expect((await query({ from: FROM, to: TO, offset: "40" })).status).toBe(200);
  });

  it("when type=userActivity and instancesReturned are sent, then they are accepted", async () => {
    const { query } = await activityClient(ctx.sim);
    expect((await query({ from: FROM, to: TO, type: "userActivity", instancesReturned: "10" })).status).toBe(200);
  });
});

describe("activityLogging: validation", () => {
  it.each([
    ["from is missing", { to: TO }],
    ["to is missing", { from: FROM }],
    ["from has milliseconds", { from: "2024-05-28T12:00:00.000Z", to: TO }],
    ["to has an offset instead of Z", { from: FROM, to: "2024-06-05T12:00:00+00:00" }],
    ["from is only a date", { from: "2024-05-28", to: TO }],
    ["from is an impossible date", { from: "2024-02-30T00:00:00Z", to: TO }],
    ["from is after to", { from: TO, to: FROM }],
    ["limit is 0", { from: FROM, to: TO, limit: "0" }],
    ["limit is 1001", { from: FROM, to: TO, limit: "1001" }],
    ["limit is not a number", { from: FROM, to: TO, limit: "ten" }],
    ["offset is negative", { from: FROM, to: TO, offset: "-1" }],
    ["type is something else", { from: FROM, to: TO, type: "signOn" }],
    ["returnUserActivityEntryCount is not a boolean", { from: FROM, to: TO, returnUserActivityEntryCount: "yes" }],
  ])("when %s, then 400 in Workday's error shape", async (_l, params: Record<string, string>) => {
    const { query } = await activityClient(ctx.sim);
    const res = await query(params);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: "Invalid request", errors: [{ error: anyString() }] });
  });

  it("when several things are wrong, then each one is listed", async () => {
    const { query } = await activityClient(ctx.sim);
    const res = await query({ limit: "5000" });
    expect((res.json as unknown as { errors: unknown[] }).errors).toHaveLength(3);
  });
});

describe("activityLogging: User Activity Logging switched off", () => {
  it("when activityLoggingOffBehavior is empty (default), then 200 with no rows and a zero count", async () => {
    const { query } = await activityClient(ctx.sim);
    await control(ctx.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: false });
    expect((await query({ from: FROM, to: TO })).json).toEqual({ data: [], total: 0 });
    expect((await query({ from: FROM, to: TO, returnUserActivityEntryCount: "true" })).json).toEqual({ data: [{ userActivityEntryCount: 0 }], total: 1 });
  });

  it("when activityLoggingOffBehavior is forbidden, then 403 permission denied", async () => {
    await control(ctx.sim, "PATCH", "/options", { activityLoggingOffBehavior: "forbidden" });
    const { query } = await activityClient(ctx.sim);
    await control(ctx.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: false });
    const res = await query({ from: FROM, to: TO });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: "permission denied" });
  });

  it("when logging is off during consent, then no consent row is written", async () => {
    await control(ctx.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: false });
    const { query } = await activityClient(ctx.sim);
    await control(ctx.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: true });
    expect((await query({ from: TO, to: "2024-06-05T12:00:01Z" })).json.total).toBe(0);
  });
});

describe("activityLogging: tokens", () => {
  it("when a token from another tenant is used, then 401", async () => {
    const { tokens, reg } = await activityClient(ctx.sim, "acme_sandbox");
    const url = `${reg.restApiEndpoint.replace("/v1/acme_sandbox", "/privacy/v1/acme")}/activityLogging?from=${FROM}&to=${TO}`;
    const res = await apiGet(url, tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: "invalid_token" });
  });

  it.each([
    ["a made-up token", "Bearer nope"],
    ["no token", ""],
    ["Basic auth", "Basic YTpi"],
  ])("when %s is sent, then 401 invalid_token", async (_l, authorization) => {
    const { reg } = await activityClient(ctx.sim);
    const url = `${reg.restApiEndpoint.replace("/v1/", "/privacy/v1/")}/activityLogging?from=${FROM}&to=${TO}`;
    const res = await fetch(url, { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "invalid_token" });
  });
});

describe("activityLogging: request log", () => {
  it("when activity is requested, then the log keeps each request as asked and the most in flight at once per tenant; clearing empties it", async () => {
    const { query } = await activityClient(ctx.sim);
    await control(ctx.sim, "DELETE", "/activity-requests");
    await query({ from: FROM, to: TO, limit: "10", offset: "20" });
    await query({ from: FROM, to: TO, returnUserActivityEntryCount: "true" });
    // Held by a fault, so the three overlap at the simulator.
    await control(ctx.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 150, count: 3 });
    await Promise.all(["0", "100", "200"].map((offset) => query({ from: FROM, to: TO, limit: "100", offset })));
    const log = await control<{ total: number; requests: Record<string, unknown>[]; maxConcurrentByTenant: Record<string, number> }>(
      ctx.sim,
      "GET",
      "/activity-requests",
    );
    expect(log.json.total).toBe(5);
    expect(log.json.requests.slice(0, 2)).toEqual([
      { tenant: "acme", from: FROM, to: TO, offset: "20", limit: "10", countOnly: false },
      { tenant: "acme", from: FROM, to: TO, offset: null, limit: null, countOnly: true },
    ]);
    expect(
      log.json.requests
        .slice(2)
        .map((r) => r.offset)
        .sort(),
    ).toEqual(["0", "100", "200"]);
    expect(log.json.maxConcurrentByTenant).toEqual({ acme: 3 });
    expect((await control(ctx.sim, "DELETE", "/activity-requests")).status).toBe(204);
    expect((await control(ctx.sim, "GET", "/activity-requests")).json).toEqual({ total: 0, requests: [], maxConcurrentByTenant: {} });
  });
});
