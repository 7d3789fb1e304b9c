import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { activityUrl, apiGet, authorizeUrl, connect, control, refreshWith, register, useSimulator } from "./support/sim";

const ctx = useSimulator();
const WINDOW = { from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", limit: "1" };

async function connected(tenant = "acme") {
  const reg = await register(ctx.sim, tenant);
  return { reg, tokens: await connect(reg) };
}

describe("faults", () => {
  it("when a status fault with count 2 is set on token, then the next two token requests get it with a plain body, the third is normal", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "status", status: 503, count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await refreshWith(reg, tokens.refresh_token);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    }
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(200);
    expect((await control<{ faults: unknown[] }>(ctx.sim, "GET", "/faults")).json.faults).toEqual([]);
  });

  it("when a rate_limit fault is set on activityLogging, then 429 with Retry-After, and workers is unaffected", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "activityLogging", kind: "rate_limit", retryAfterSeconds: 7, count: 1 });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(200);
    const res = await apiGet(activityUrl(reg, WINDOW), tokens.access_token);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect((await apiGet(activityUrl(reg, WINDOW), tokens.access_token)).status).toBe(200);
  });

  it("when a rest fault is set, then it hits whichever REST API is called next", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "rest", kind: "status", status: 502, count: 2 });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(502);
    expect((await apiGet(activityUrl(reg, WINDOW), tokens.access_token)).status).toBe(502);
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(200);
  });

  it("when a malformed fault is set on workers, then 200 with a body that is not JSON", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "workers", kind: "malformed" });
    const res = await fetch(`${reg.restApiEndpoint}/workers`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    await expect(res.json()).rejects.toThrow();
  });

  it("when a reset fault is set on token, then the connection is dropped without an answer", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "reset" });
    await expect(refreshWith(reg, tokens.refresh_token)).rejects.toThrow();
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(200);
  });

  it("when a latency fault is set, then the answer is delayed and then normal", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "latency", latencyMs: 300 });
    const started = Date.now();
    const res = await refreshWith(reg, tokens.refresh_token);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("when a fault names a tenant, then other tenants are unaffected", async () => {
    const prod = await connected("acme");
    const sandbox = await connected("acme_sandbox");
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "status", status: 500, tenant: "acme_sandbox" });
    expect((await refreshWith(prod.reg, prod.tokens.refresh_token)).status).toBe(200);
    expect((await refreshWith(sandbox.reg, sandbox.tokens.refresh_token)).status).toBe(500);
  });

  it("when an authorize fault is set, then the authorize page fails once", async () => {
    const reg = await register(ctx.sim);
    await control(ctx.sim, "POST", "/faults", { route: "authorize", kind: "status", status: 503 });
    expect((await new Browser().get(authorizeUrl(reg))).status).toBe(503);
    expect((await new Browser().get(authorizeUrl(reg))).status).toBe(200);
  });

  it("when faults are deleted, then none apply", async () => {
    const { reg, tokens } = await connected();
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "status", status: 500, count: 5 });
    expect((await control(ctx.sim, "DELETE", "/faults")).status).toBe(204);
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(200);
  });

  it("when one fault is deleted by id, then only that one goes", async () => {
    const a = await control<{ id: string }>(ctx.sim, "POST", "/faults", { route: "token", kind: "status", status: 500 });
    await control(ctx.sim, "POST", "/faults", { route: "rest", kind: "status", status: 500 });
    expect((await control(ctx.sim, "DELETE", `/faults/${a.json.id}`)).status).toBe(204);
    expect((await control<{ faults: { route: string }[] }>(ctx.sim, "GET", "/faults")).json.faults.map((f) => f.route)).toEqual(["rest"]);
  });

  it.each([
    [{ route: "everything", kind: "status" }, "route"],
    [{ route: "token", kind: "explode" }, "kind"],
    [{ route: "token", kind: "latency" }, "latencyMs"],
    [{ route: "token", kind: "status", count: 0 }, "count"],
    [{ route: "token", kind: "status", status: 200 }, "status"],
  ])("when the fault %j is posted, then 400 naming %s", async (body, field) => {
    const res = await control(ctx.sim, "POST", "/faults", body);
    expect(res.status).toBe(400);
    expect(res.json.error).toContain(field);
  });
});
