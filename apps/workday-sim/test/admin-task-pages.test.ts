import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { open as openPage, tenantJson as tenantState } from "./support/admin";
import { objectContaining } from "./support/matchers";
import { REDIRECT_URI, connect, control, refreshWith, register, useSimulator } from "./support/sim";

const ctx = useSimulator();
const open = (browser: Browser, path: string) => openPage(ctx.sim, browser, path);
const tenantJson = (name: string) => tenantState(ctx.sim, name);

describe("admin pages: API clients", () => {
  async function registerThroughPage(b: Browser, name = "Defender") {
    const form = await open(b, "/_sim/tenants/acme/register-api-client");
    for (const label of ["Client Name", "Client Grant Type", "Access Token Type", "Redirection URI", "Non-Expiring Refresh Tokens", "Staffing", "System"]) {
      expect(form.text).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`));
    }
    expect(form.text).toContain("<legend>Scope (Functional Areas)</legend>");
    return b.submit(form, "OK", { clientName: name, redirectUri: REDIRECT_URI, nonExpiringRefreshTokens: "on", scopes: ["Staffing", "System"] });
  }

  it("when Register API Client is completed, then the done page lists the five values, label then value, in Workday's order", async () => {
    const done = await registerThroughPage(new Browser());
    expect(done.status).toBe(200);
    const rows = [...done.text.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(rows.map((r) => r[0])).toEqual(["Client ID", "Client Secret", "Workday REST API Endpoint", "Token Endpoint", "Authorization Endpoint"]);
    const port = new URL(ctx.sim.url).port;
    expect(rows.slice(2).map((r) => r[1])).toEqual([
      `http://127.0.0.1:${port}/ccx/api/v1/acme`,
      `http://127.0.0.1:${port}/ccx/oauth2/acme/token`,
      `http://localhost:${port}/acme/authorize`,
    ]);
    const [clientId, clientSecret] = [rows[0]?.[1] ?? "", rows[1]?.[1] ?? ""];
    const client = (await control<{ clients: Record<string, unknown>[] }>(ctx.sim, "GET", "/tenants/acme/clients")).json.clients[0];
    expect(client).toMatchObject({
      clientId,
      clientName: "Defender",
      redirectUri: REDIRECT_URI,
      nonExpiringRefreshTokens: true,
      scopes: ["Staffing", "System"],
    });
    const tokens = await connect({
      clientId,
      clientSecret,
      restApiEndpoint: rows[2]?.[1] ?? "",
      tokenEndpoint: rows[3]?.[1] ?? "",
      authorizationEndpoint: rows[4]?.[1] ?? "",
    });
    expect(tokens.token_type).toBe("Bearer");
  });

  it("when the form misses the client name, then a 400 HTML page says what to fix", async () => {
    const b = new Browser();
    const page = await b.submit(await open(b, "/_sim/tenants/acme/register-api-client"), "OK", { redirectUri: REDIRECT_URI, scopes: "System" });
    expect(page.status).toBe(400);
    expect(page.text).toContain("clientName");
  });

  it("when View API Clients opens, then each client shows Client ID and the endpoints but not the secret, with names escaped", async () => {
    const reg = await register(ctx.sim, "acme", { clientName: "<script>alert(1)</script>" });
    const page = await open(new Browser(), "/_sim/tenants/acme/view-api-clients");
    expect(page.text).toContain(reg.clientId);
    expect(page.text).toContain(reg.tokenEndpoint);
    expect(page.text).not.toContain(reg.clientSecret);
    expect(page.text).not.toContain("<script>alert(1)</script>");
    expect(page.text).toContain("&#60;script&#62;");
  });

  it("when Generate New Client Secret is pressed, then the new secret is shown and the old one stops working", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    const b = new Browser();
    const page = await b.submit(await open(b, "/_sim/tenants/acme/view-api-clients"), "Generate New Client Secret");
    const secret = /<th scope="row">Client Secret<\/th><td>([^<]+)<\/td>/.exec(page.text)?.[1] ?? "";
    expect(secret).toMatch(/^[a-z0-9]{80}$/);
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(401);
    expect((await refreshWith({ ...reg, clientSecret: secret }, tokens.refresh_token)).status).toBe(200);
  });

  it("when Delete API Client is pressed, then the client is gone", async () => {
    await register(ctx.sim);
    const b = new Browser();
    const after = await b.follow(await b.submit(await open(b, "/_sim/tenants/acme/view-api-clients"), "Delete API Client"));
    expect(after.text).toContain("The API client was deleted.");
    expect((await control<{ clients: unknown[] }>(ctx.sim, "GET", "/tenants/acme/clients")).json.clients).toEqual([]);
  });

  it("when Manage Refresh Tokens for Integrations lists a token and Revoke All is pressed, then refresh gets invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    const b = new Browser();
    const page = await open(b, "/_sim/tenants/acme/manage-refresh-tokens");
    expect(page.text).toContain("<td>isu_wdconnect</td>");
    expect(page.text).not.toContain(tokens.refresh_token);
    await b.submit(page, "Revoke All Refresh Tokens");
    expect((await refreshWith(reg, tokens.refresh_token)).json).toEqual({ error: "invalid_grant" });
  });
});

describe("admin pages: accounts, sandbox, faults, tenants", () => {
  it("when Disable is pressed for the ISU and a new account is created, then the state shows both", async () => {
    const b = new Browser();
    const page = await open(b, "/_sim/tenants/acme/accounts");
    await b.submit(page, "Disable isu_wdconnect");
    await b.submit(await open(b, "/_sim/tenants/acme/accounts"), "Create Account", { username: "auditor", password: "Pw-123", kind: "user" });
    const accounts = (await tenantJson("acme")).accounts;
    expect(accounts.find((a) => a.username === "isu_wdconnect")?.disabled).toBe(true);
    expect(accounts.map((a) => a.username)).toContain("auditor");
  });

  it("when Refresh Now is pressed on a sandbox, then its tokens stop working; production has no refresh form", async () => {
    const reg = await register(ctx.sim, "acme_sandbox");
    const tokens = await connect(reg);
    const b = new Browser();
    await b.submit(await open(b, "/_sim/tenants/acme_sandbox/sandbox-refresh"), "Refresh Now", { mode: "tokens" });
    expect((await refreshWith(reg, tokens.refresh_token)).json).toEqual({ error: "invalid_grant" });
    const prod = await open(b, "/_sim/tenants/acme/sandbox-refresh");
    expect(prod.text).toContain("production tenant");
    expect(prod.text).not.toContain("Refresh Now</button>");
  });

  it("when the weekly schedule is saved, then the tenant reports it", async () => {
    const b = new Browser();
    await b.submit(await open(b, "/_sim/tenants/acme_sandbox/sandbox-refresh"), "Save Schedule", { weekly: "on", scheduleMode: "full" });
    const view = await control<{ sandboxRefresh: { weekly: boolean; mode: string } }>(ctx.sim, "GET", "/tenants/acme_sandbox");
    expect(view.json.sandboxRefresh).toMatchObject({ weekly: true, mode: "full" });
  });

  it("when a fault is added on the Faults page, then it is listed and applies; Clear All Faults removes it", async () => {
    const b = new Browser();
    const added = await b.follow(
      await b.submit(await open(b, "/_sim/faults"), "Add Fault", { route: "rest", kind: "rate_limit", count: "2", retryAfterSeconds: "5" }),
    );
    expect(added.text).toContain("<td>rate_limit</td>");
    expect((await control<{ faults: unknown[] }>(ctx.sim, "GET", "/faults")).json.faults).toEqual([
      objectContaining({ route: "rest", kind: "rate_limit", count: 2, retryAfterSeconds: 5 }),
    ]);
    await b.submit(added, "Clear All Faults");
    expect((await control<{ faults: unknown[] }>(ctx.sim, "GET", "/faults")).json.faults).toEqual([]);
  });

  it("when Create Tenant and then Reset Simulator are used, then the tenant appears and then goes", async () => {
    const b = new Browser();
    const home = await b.follow(await b.submit(await open(b, "/_sim/"), "Create Tenant", { name: "umbrella_impl", kind: "implementation" }));
    expect(home.text).toContain("umbrella_impl");
    const reset = await b.follow(await b.submit(home, "Reset Simulator"));
    expect(reset.text).not.toContain("umbrella_impl");
  });
});
