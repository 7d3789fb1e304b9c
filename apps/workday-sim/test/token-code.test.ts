import { describe, expect, it } from "vitest";
import { REDIRECT_URI, apiGet, authorizeUrl, consent, control, pkce, register, tokenRequest, useSimulator, type Registered } from "./support/sim";
import { anyString } from "./support/matchers";

const ctx = useSimulator();

/** Consent with PKCE; returns the code and the verifier. */
async function codeFor(reg: Registered, withPkce = true) {
  const { verifier, challenge } = pkce();
  const { location } = await consent(authorizeUrl(reg, withPkce ? { code_challenge: challenge, code_challenge_method: "S256" } : {}));
  return { code: location.searchParams.get("code") ?? "", verifier };
}

const exchange = (reg: Registered, code: string, extra: Record<string, string> = {}, auth: "basic" | "body" = "basic") =>
  tokenRequest(
    reg.tokenEndpoint,
    {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      ...(auth === "body" ? { client_id: reg.clientId, client_secret: reg.clientSecret } : {}),
      ...extra,
    },
    auth === "basic" ? { id: reg.clientId, secret: reg.clientSecret } : undefined,
  );

describe("token endpoint: authorization_code", () => {
  it.each([["basic"], ["body"]] as const)("when the client authenticates by %s, then the code is exchanged for Bearer tokens", async (auth) => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    const res = await exchange(reg, code, { code_verifier: verifier }, auth);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toEqual({ access_token: anyString(), token_type: "Bearer", expires_in: 3600, refresh_token: anyString() });
    expect(res.json.access_token).not.toBe(res.json.refresh_token);
  });

  it("when Basic and body credentials are both sent and differ, then 400 invalid_request", async () => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    const res = await tokenRequest(
      reg.tokenEndpoint,
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: "someone-else" },
      { id: reg.clientId, secret: reg.clientSecret },
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "invalid_request" });
  });

  it("when Basic and body credentials are both sent and agree, then it works", async () => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    const res = await tokenRequest(
      reg.tokenEndpoint,
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: reg.clientId, client_secret: reg.clientSecret },
      { id: reg.clientId, secret: reg.clientSecret },
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ["the secret is wrong", (r: Registered) => ({ id: r.clientId, secret: "wrong" })],
    ["the client is unknown", (r: Registered) => ({ id: "nobody", secret: r.clientSecret })],
  ])("when %s, then 401 invalid_client", async (_l, creds) => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    const res = await tokenRequest(
      reg.tokenEndpoint,
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier },
      creds(reg),
    );
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: "invalid_client" });
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
  });

  it("when no client authentication is sent at all, then 401 invalid_client", async () => {
    const reg = await register(ctx.sim);
    const res = await tokenRequest(reg.tokenEndpoint, { grant_type: "authorization_code", code: "x", redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: "invalid_client" });
  });

  it("when the body is JSON instead of a form, then 400 invalid_request", async () => {
    const reg = await register(ctx.sim);
    const res = await fetch(reg.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it.each([
    ["grant_type is missing", {}, "invalid_request"],
    ["grant_type is client_credentials", { grant_type: "client_credentials" }, "unsupported_grant_type"],
    ["the code is missing", { grant_type: "authorization_code" }, "invalid_request"],
    ["the refresh token is missing", { grant_type: "refresh_token" }, "invalid_request"],
    ["the code is unknown", { grant_type: "authorization_code", code: "made-up", redirect_uri: REDIRECT_URI }, "invalid_grant"],
  ])("when %s, then 400 %s", async (_l, form: Record<string, string>, error) => {
    const reg = await register(ctx.sim);
    const res = await tokenRequest(reg.tokenEndpoint, form, { id: reg.clientId, secret: reg.clientSecret });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error });
  });

  it("when a parameter is repeated, then 400 invalid_request", async () => {
    const reg = await register(ctx.sim);
    const res = await fetch(reg.tokenEndpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${reg.clientId}:${reg.clientSecret}`).toString("base64")}`,
      },
      body: "grant_type=refresh_token&refresh_token=a&refresh_token=b",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request" });
  });
});

describe("token endpoint: PKCE and redirect_uri binding", () => {
  it.each([
    ["the code_verifier is wrong", (): Record<string, string> => ({ code_verifier: pkce().verifier })],
    ["the code_verifier is missing", (): Record<string, string> => ({})],
    ["the redirect_uri differs", (verifier: string): Record<string, string> => ({ code_verifier: verifier, redirect_uri: `${REDIRECT_URI}/other` })],
  ])("when %s, then 400 invalid_grant", async (_l, extra) => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    const res = await exchange(reg, code, extra(verifier));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "invalid_grant" });
  });

  it("when no challenge was sent at authorize, then the exchange works without a verifier", async () => {
    const reg = await register(ctx.sim);
    const { code } = await codeFor(reg, false);
    expect((await exchange(reg, code)).status).toBe(200);
  });

  it("when a verifier is sent for a code issued without a challenge, then 400 invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const { code } = await codeFor(reg, false);
    expect((await exchange(reg, code, { code_verifier: pkce().verifier })).json).toEqual({ error: "invalid_grant" });
  });

  it("when another client presents the code, then 400 invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const other = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    expect((await exchange(other, code, { code_verifier: verifier })).json).toEqual({ error: "invalid_grant" });
  });
});

describe("token endpoint: code lifetime and single use", () => {
  it("when a code is used twice, then the second use is invalid_grant and the tokens from the first are revoked", async () => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    const first = await exchange(reg, code, { code_verifier: verifier });
    expect(first.status).toBe(200);
    const second = await exchange(reg, code, { code_verifier: verifier });
    expect(second.status).toBe(400);
    expect(second.json).toEqual({ error: "invalid_grant" });
    const refresh = await tokenRequest(
      reg.tokenEndpoint,
      { grant_type: "refresh_token", refresh_token: String(first.json.refresh_token) },
      { id: reg.clientId, secret: reg.clientSecret },
    );
    expect(refresh.json).toEqual({ error: "invalid_grant" });
    const api = await apiGet(`${reg.restApiEndpoint}/workers`, String(first.json.access_token));
    expect(api.status).toBe(401);
  });

  it("when the code is older than authCodeTtlSeconds, then 400 invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 121 });
    expect((await exchange(reg, code, { code_verifier: verifier })).json).toEqual({ error: "invalid_grant" });
  });

  it("when the account that consented is disabled before the exchange, then 400 invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    await control(ctx.sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    const res = await exchange(reg, code, { code_verifier: verifier });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "invalid_grant" });
  });

  it("when OAuth 2.0 Clients Enabled is switched off, then the token endpoint answers 401 invalid_client", async () => {
    const reg = await register(ctx.sim);
    const { code, verifier } = await codeFor(reg);
    await control(ctx.sim, "PATCH", "/tenants/acme/settings", { oauthClientsEnabled: false });
    expect((await exchange(reg, code, { code_verifier: verifier })).status).toBe(401);
  });

  it("when the tenant in the token URL is unknown, then 401 invalid_client", async () => {
    const reg = await register(ctx.sim);
    const res = await tokenRequest(
      reg.tokenEndpoint.replace("/acme/", "/nosuch/"),
      { grant_type: "refresh_token", refresh_token: "x" },
      { id: reg.clientId, secret: reg.clientSecret },
    );
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: "invalid_client" });
  });
});
