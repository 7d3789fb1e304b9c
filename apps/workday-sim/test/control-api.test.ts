import { describe, expect, it } from "vitest";
import { connect, control, refreshWith, register, useSimulator } from "./support/sim";
import { matching, containing } from "./support/matchers";

const ctx = useSimulator();

describe("control API: tenants", () => {
  it("when tenants are listed, then the three seeded tenants appear with their preparation", async () => {
    const res = await control<{
      tenants: {
        name: string;
        kind: string;
        settings: Record<string, boolean>;
        permissions: { active: boolean }[];
        accounts: { username: string }[];
        clients: unknown[];
      }[];
    }>(ctx.sim, "GET", "/tenants");
    const byName = Object.fromEntries(res.json.tenants.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(["acme", "acme_sandbox", "globex_impl"]);
    expect(byName.acme).toMatchObject({ kind: "production", settings: { userActivityLogging: true, oauthClientsEnabled: true, samlSso: false } });
    expect(byName.acme_sandbox).toMatchObject({ kind: "sandbox", settings: { userActivityLogging: true, oauthClientsEnabled: true, samlSso: false } });
    expect(byName.globex_impl).toMatchObject({ kind: "implementation", settings: { userActivityLogging: false, oauthClientsEnabled: false, samlSso: true } });
    expect(byName.acme?.permissions.every((p) => p.active)).toBe(true);
    expect(byName.globex_impl?.permissions.some((p) => p.active)).toBe(false);
    for (const t of res.json.tenants) {
      expect(t.accounts.map((a) => a.username)).toEqual(["admin", "isu_wdconnect"]);
      expect(t.clients).toEqual([]);
    }
    expect(res.text).not.toContain("Workday-isu-1");
  });

  it("when a tenant is created, then it can be fetched; a duplicate is 409; a bad name is 400", async () => {
    const created = await control(ctx.sim, "POST", "/tenants", { name: "initech_sb", kind: "sandbox", prepared: true });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "initech_sb",
      kind: "sandbox",
      companyName: "Initech Corp",
      endpoints: { authorizationEndpoint: `${ctx.sim.url}/initech_sb/authorize` },
    });
    expect((await control(ctx.sim, "GET", "/tenants/initech_sb")).status).toBe(200);
    expect((await control(ctx.sim, "POST", "/tenants", { name: "initech_sb", kind: "sandbox" })).status).toBe(409);
    const bad = await control(ctx.sim, "POST", "/tenants", { name: "_sim", kind: "sandbox" });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^name:/);
  });

  it("when a tenant is unknown, then 404 with a hint", async () => {
    const res = await control(ctx.sim, "GET", "/tenants/nope");
    expect(res.status).toBe(404);
    expect(res.json.error).toContain("nope");
  });

  it("when settings are patched, then only the given ones change; an empty or unknown field is 400", async () => {
    expect((await control(ctx.sim, "PATCH", "/tenants/acme/settings", { samlSso: true })).json).toEqual({
      userActivityLogging: true,
      oauthClientsEnabled: true,
      samlSso: true,
    });
    expect((await control(ctx.sim, "PATCH", "/tenants/acme/settings", {})).status).toBe(400);
    const unknown = await control(ctx.sim, "PATCH", "/tenants/acme/settings", { saml: true });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toContain("saml");
    expect((await control(ctx.sim, "PATCH", "/tenants/acme/settings", { samlSso: "yes" })).status).toBe(400);
  });

  it("when an account is added, then it can sign in; a duplicate is 409; patching an unknown one is 404", async () => {
    const added = await control(ctx.sim, "POST", "/tenants/acme/accounts", { username: "wd-implementer", password: "Secret-1" });
    expect(added.json).toEqual({ username: "wd-implementer", kind: "user", memberOfConnectorGroup: true, disabled: false, locked: false });
    const reg = await register(ctx.sim);
    await expect(connect(reg, { username: "wd-implementer", password: "Secret-1" })).resolves.toMatchObject({ token_type: "Bearer" });
    expect((await control(ctx.sim, "POST", "/tenants/acme/accounts", { username: "wd-implementer", password: "x" })).status).toBe(409);
    expect((await control(ctx.sim, "PATCH", "/tenants/acme/accounts/ghost", { disabled: true })).status).toBe(404);
  });
});

describe("control API: clients", () => {
  it("when a client is registered, then the five values come back as the done page shows them", async () => {
    const res = await control(ctx.sim, "POST", "/tenants/acme/clients", {
      clientName: "MDCA",
      redirectUri: "https://portal.cloudappsecurity.com/api/oauth/connect",
      nonExpiringRefreshTokens: true,
      scopes: ["Staffing", "System"],
    });
    expect(res.status).toBe(201);
    const port = new URL(ctx.sim.url).port;
    expect(res.json).toEqual({
      clientId: matching(/^[A-Za-z0-9+/]{40,}$/),
      clientSecret: matching(/^[a-z0-9]{80}$/),
      restApiEndpoint: `http://127.0.0.1:${port}/ccx/api/v1/acme`,
      tokenEndpoint: `http://127.0.0.1:${port}/ccx/oauth2/acme/token`,
      authorizationEndpoint: `http://localhost:${port}/acme/authorize`,
    });
  });

  it.each([
    [{ redirectUri: "https://x.example/cb", scopes: ["System"] }, "clientName"],
    [{ clientName: "A", redirectUri: "not a url", scopes: ["System"] }, "redirectUri"],
    [{ clientName: "A", redirectUri: "https://x.example/cb#frag", scopes: ["System"] }, "redirectUri"],
    [{ clientName: "A", redirectUri: "https://x.example/cb", scopes: [] }, "scopes"],
    [{ clientName: "A", redirectUri: "https://x.example/cb", scopes: ["Everything"] }, "scopes"],
    [{ clientName: "A", redirectUri: "https://x.example/cb", scopes: ["System"], clientGrantType: "Client Credentials" }, "clientGrantType"],
  ])("when registering %j, then 400 naming %s", async (body, field) => {
    const res = await control(ctx.sim, "POST", "/tenants/acme/clients", body);
    expect(res.status).toBe(400);
    expect(res.json.error).toContain(field);
  });

  it("when an unknown client is addressed, then 404", async () => {
    expect((await control(ctx.sim, "POST", "/tenants/acme/clients/nope/secret")).status).toBe(404);
    expect((await control(ctx.sim, "DELETE", "/tenants/acme/clients/nope")).status).toBe(404);
  });
});

describe("control API: bodies, options, clock, reset", () => {
  it("when the body is not JSON, then 400 and never a stack trace", async () => {
    const res = await fetch(`${ctx.sim.url}/_sim/api/tenants`, { method: "POST", headers: { "content-type": "application/json" }, body: "{name:" });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: containing("not valid JSON") });
    expect(text).not.toMatch(/at .*\.ts/);
  });

  it("when the body is sent as a form, then 400 asking for JSON", async () => {
    const res = await fetch(`${ctx.sim.url}/_sim/api/tenants`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "name=x&kind=sandbox",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("JSON");
  });

  it("when a control route does not exist, then 404 JSON", async () => {
    expect((await control(ctx.sim, "GET", "/nothing-here")).status).toBe(404);
  });

  it("when options are patched, then they show in GET; invalid values are 400", async () => {
    const res = await control(ctx.sim, "PATCH", "/options", { accessTokenTtlSeconds: 120, activityLoggingOffBehavior: "forbidden" });
    expect(res.json).toMatchObject({ accessTokenTtlSeconds: 120, activityLoggingOffBehavior: "forbidden", offsetCeiling: 10000, rotateRefreshTokens: false });
    expect((await control(ctx.sim, "GET", "/options")).json).toMatchObject({ accessTokenTtlSeconds: 120 });
    expect((await control(ctx.sim, "PATCH", "/options", { activityLoggingOffBehavior: "teapot" })).status).toBe(400);
    expect((await control(ctx.sim, "PATCH", "/options", { accessTokenTtlSeconds: 0 })).status).toBe(400);
  });

  it("when the clock is advanced and then reset, then now moves and comes back", async () => {
    const advanced = await control<{ offsetSeconds: number }>(ctx.sim, "POST", "/clock", { advanceSeconds: 3600 });
    expect(advanced.json.offsetSeconds).toBe(3600);
    expect((await control<{ offsetSeconds: number }>(ctx.sim, "DELETE", "/clock")).json.offsetSeconds).toBe(0);
  });

  it("when the simulator is reset, then clients, options and tenants are back to the seed", async () => {
    await register(ctx.sim);
    await control(ctx.sim, "POST", "/tenants", { name: "extra", kind: "implementation" });
    await control(ctx.sim, "PATCH", "/options", { offsetCeiling: 5 });
    const res = await control(ctx.sim, "POST", "/reset");
    expect(res.json).toEqual({ reset: true, tenants: ["acme", "acme_sandbox", "globex_impl"] });
    expect((await control<{ clients: unknown[] }>(ctx.sim, "GET", "/tenants/acme/clients")).json.clients).toEqual([]);
    expect((await control(ctx.sim, "GET", "/options")).json).toMatchObject({ offsetCeiling: 10000 });
  });
});

describe("control API: token log", () => {
  it("when tokens are requested, then the log counts them per tenant, client and grant type", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    await refreshWith(reg, tokens.refresh_token);
    await refreshWith(reg, tokens.refresh_token);
    const log = await control(ctx.sim, "GET", "/token-log");
    expect(log.json).toEqual({
      total: 3,
      requests: [
        { tenant: "acme", clientId: reg.clientId, grantType: "authorization_code", count: 1 },
        { tenant: "acme", clientId: reg.clientId, grantType: "refresh_token", count: 2 },
      ],
      maxConcurrentRefreshes: 1,
      maxConcurrentRefreshesByClient: { [reg.clientId]: 1 },
      maxConcurrentRefreshesAllClients: 1,
    });
    expect((await control(ctx.sim, "DELETE", "/token-log")).status).toBe(204);
    expect((await control(ctx.sim, "GET", "/token-log")).json).toEqual({
      total: 0,
      requests: [],
      maxConcurrentRefreshes: 0,
      maxConcurrentRefreshesByClient: {},
      maxConcurrentRefreshesAllClients: 0,
    });
  });

  it("when three refreshes for one client overlap, then the maximum in flight is 3", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "latency", latencyMs: 200, count: 3 });
    await Promise.all([1, 2, 3].map(() => refreshWith(reg, tokens.refresh_token)));
    const log = await control<{ maxConcurrentRefreshes: number }>(ctx.sim, "GET", "/token-log");
    expect(log.json.maxConcurrentRefreshes).toBe(3);
  });

  it("when refreshes for two clients overlap, then each client's maximum is 1 and all clients' together is 2", async () => {
    const a = await register(ctx.sim);
    const b = await register(ctx.sim);
    const [ta, tb] = [await connect(a), await connect(b)];
    await control(ctx.sim, "DELETE", "/token-log");
    await control(ctx.sim, "POST", "/faults", { route: "token", kind: "latency", latencyMs: 200, count: 2 });
    await Promise.all([refreshWith(a, ta.refresh_token), refreshWith(b, tb.refresh_token)]);
    const log = await control<{ maxConcurrentRefreshes: number; maxConcurrentRefreshesAllClients: number }>(ctx.sim, "GET", "/token-log");
    expect(log.json).toMatchObject({ maxConcurrentRefreshes: 1, maxConcurrentRefreshesAllClients: 2 });
  });
});
