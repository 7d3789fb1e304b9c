import { describe, expect, it } from "vitest";
import { lastWeeklySandboxRefresh } from "../src/lib/time";
import { apiGet, connect, control, refreshWith, register, useSimulator } from "./support/sim";

// A Wednesday, 05:00 in California: the next weekly refresh is Friday 18:00 PDT = Saturday 01:00Z.
const ctx = useSimulator({ now: () => new Date("2024-06-05T12:00:00Z") });
const HOUR = 3600;

describe("sandbox refresh", () => {
  it("when a sandbox is refreshed in tokens mode, then refresh tokens get invalid_grant, access tokens 401, and the client survives", async () => {
    const reg = await register(ctx.sim, "acme_sandbox");
    const tokens = await connect(reg);
    const res = await control(ctx.sim, "POST", "/tenants/acme_sandbox/sandbox-refresh", { mode: "tokens" });
    expect(res.status).toBe(200);
    expect(res.json.lastRefreshAt).toBe("2024-06-05T12:00:00.000Z");
    expect(await refreshWith(reg, tokens.refresh_token)).toMatchObject({ status: 400, json: { error: "invalid_grant" } });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(401);
    const again = await connect(reg);
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, again.access_token)).status).toBe(200);
  });

  it("when a sandbox is refreshed in full mode, then its clients are gone: invalid_client", async () => {
    const reg = await register(ctx.sim, "acme_sandbox");
    const tokens = await connect(reg);
    await control(ctx.sim, "POST", "/tenants/acme_sandbox/sandbox-refresh", { mode: "full" });
    expect(await refreshWith(reg, tokens.refresh_token)).toMatchObject({ status: 401, json: { error: "invalid_client" } });
  });

  it("when a sandbox is refreshed, then production tokens keep working", async () => {
    const prod = await register(ctx.sim, "acme");
    const tokens = await connect(prod);
    await control(ctx.sim, "POST", "/tenants/acme_sandbox/sandbox-refresh", {});
    expect((await refreshWith(prod, tokens.refresh_token)).status).toBe(200);
  });

  it("when a production tenant is asked to refresh, then 409 with a reason", async () => {
    const res = await control(ctx.sim, "POST", "/tenants/acme/sandbox-refresh", { mode: "tokens" });
    expect(res.status).toBe(409);
    expect(res.json.error).toContain("production");
  });

  it("when the weekly schedule is on, then tokens work until Friday 18:00 Pacific and fail after it", async () => {
    const reg = await register(ctx.sim, "acme_sandbox");
    const tokens = await connect(reg);
    const schedule = await control(ctx.sim, "PUT", "/tenants/acme_sandbox/sandbox-refresh/schedule", { weekly: true, mode: "tokens" });
    expect(schedule.json.nextRefreshAt).toBe("2024-06-08T01:00:00.000Z");
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 60 * HOUR });
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(200);
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 2 * HOUR });
    expect((await refreshWith(reg, tokens.refresh_token)).json).toEqual({ error: "invalid_grant" });
    const view = await control<{ sandboxRefresh: { lastRefreshAt: string } }>(ctx.sim, "GET", "/tenants/acme_sandbox");
    expect(view.json.sandboxRefresh.lastRefreshAt).toBe("2024-06-08T01:00:00.000Z");
  });

  it("when the weekly schedule is off, then nothing happens on Friday evening", async () => {
    const reg = await register(ctx.sim, "acme_sandbox");
    const tokens = await connect(reg);
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 8 * 24 * HOUR });
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(200);
  });
});

describe("lastWeeklySandboxRefresh", () => {
  it.each([
    ["2024-06-08T12:00:00Z", "2024-06-08T01:00:00.000Z"],
    ["2024-06-08T00:59:59Z", "2024-06-01T01:00:00.000Z"],
    ["2024-01-13T12:00:00Z", "2024-01-13T02:00:00.000Z"],
    ["2024-01-13T02:00:00Z", "2024-01-13T02:00:00.000Z"],
  ])("when it is %s, then the last refresh was %s (Friday 18:00 PDT/PST)", (now, expected) => {
    expect(new Date(lastWeeklySandboxRefresh(Date.parse(now))).toISOString()).toBe(expected);
  });
});
