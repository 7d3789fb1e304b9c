import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { REDIRECT_URI, authorizeUrl, control, pkce, register, useSimulator } from "./support/sim";

const ctx = useSimulator();
const get = (url: string) => new Browser().get(url);

describe("GET /<tenant>/authorize: requests that must not redirect", () => {
  it("when the tenant does not exist, then a 404 HTML page", async () => {
    const page = await get(`${ctx.sim.url}/nosuchtenant/authorize?response_type=code&client_id=x`);
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(page.location).toBeNull();
  });

  it("when OAuth 2.0 Clients Enabled is off, then an HTML error page and no redirect", async () => {
    const reg = await register(ctx.sim);
    await control(ctx.sim, "PATCH", "/tenants/acme/settings", { oauthClientsEnabled: false });
    const page = await get(authorizeUrl(reg));
    expect(page.status).toBe(403);
    expect(page.location).toBeNull();
    expect(page.text).toContain("OAuth 2.0 Clients Enabled");
  });

  it("when the client_id is unknown, then an HTML page naming it and no redirect", async () => {
    const reg = await register(ctx.sim);
    const page = await get(authorizeUrl({ ...reg, clientId: "unknown-client" }));
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain("unknown-client");
  });

  it.each([
    ["a trailing slash", `${REDIRECT_URI}/`],
    ["another host", "https://attacker.example/cb"],
    ["different case", REDIRECT_URI.toUpperCase()],
    ["an extra query", `${REDIRECT_URI}?x=1`],
  ])("when the redirect_uri differs by %s, then an HTML page and no redirect", async (_label, redirectUri) => {
    const reg = await register(ctx.sim);
    const page = await get(authorizeUrl(reg, { redirect_uri: redirectUri }));
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain("does not match the Redirection URI");
  });

  it("when redirect_uri is missing, then an HTML page and no redirect", async () => {
    const reg = await register(ctx.sim);
    const url = new URL(authorizeUrl(reg));
    url.searchParams.delete("redirect_uri");
    const page = await get(url.href);
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
  });
});

describe("GET /<tenant>/authorize: errors sent back to the client", () => {
  it("when response_type is not code, then a redirect with unsupported_response_type and the state", async () => {
    const reg = await register(ctx.sim);
    const page = await get(authorizeUrl(reg, { response_type: "token" }));
    expect(page.status).toBe(302);
    const to = new URL(page.location ?? "");
    expect(`${to.origin}${to.pathname}`).toBe(REDIRECT_URI);
    expect(to.searchParams.get("error")).toBe("unsupported_response_type");
    expect(to.searchParams.get("state")).toBe("st-123");
  });

  it("when code_challenge_method is plain, then a redirect with invalid_request", async () => {
    const reg = await register(ctx.sim);
    const page = await get(authorizeUrl(reg, { code_challenge: pkce().challenge, code_challenge_method: "plain" }));
    expect(new URL(page.location ?? "").searchParams.get("error")).toBe("invalid_request");
  });

  it("when a code_challenge comes without a method, then a redirect with invalid_request (plain is implied)", async () => {
    const reg = await register(ctx.sim);
    const page = await get(authorizeUrl(reg, { code_challenge: pkce().challenge }));
    expect(new URL(page.location ?? "").searchParams.get("error")).toBe("invalid_request");
  });

  it("when the request is valid, then the Workday sign-in page with Username, Password and Sign In", async () => {
    const reg = await register(ctx.sim);
    const page = await get(authorizeUrl(reg, { scope: "ignored anything" }));
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.text).toMatch(/<label for="username">Username<\/label>/);
    expect(page.text).toMatch(/<label for="password">Password<\/label>/);
    expect(page.text).toContain(">Sign In</button>");
    expect(page.headers.get("set-cookie")).toMatch(/wdsim_browser=.*HttpOnly/i);
  });
});

describe("GET /<tenant>/authorize: SAML SSO tenants", () => {
  it("when SAML SSO is on and redirect=n is absent, then a 302 to the company identity provider, which never returns a code", async () => {
    const reg = await register(ctx.sim, "globex_impl");
    await control(ctx.sim, "PATCH", "/tenants/globex_impl/settings", { oauthClientsEnabled: true });
    const browser = new Browser();
    const page = await browser.get(authorizeUrl(reg));
    expect(page.status).toBe(302);
    expect(page.location).toBe("/_sim/idp/globex_impl");
    const idp = await browser.follow(page);
    expect(idp.text).toContain("<title>Globex Corp single sign-on</title>");
    const after = await browser.submit(idp, "Next", { email: "someone@globex.example.com", password: "x" });
    expect(after.status).toBe(200);
    expect(after.location).toBeNull();
  });

  it("when SAML SSO is on and redirect=n is present, then Workday's own sign-in page", async () => {
    const reg = await register(ctx.sim, "globex_impl");
    await control(ctx.sim, "PATCH", "/tenants/globex_impl/settings", { oauthClientsEnabled: true });
    const page = await get(authorizeUrl(reg, { redirect: "n" }));
    expect(page.status).toBe(200);
    expect(page.text).toContain("Sign In");
  });
});
