import * as client from "openid-client";
import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { REDIRECT_URI, activityUrl, apiGet, control, register, useSimulator } from "./support/sim";

const ctx = useSimulator();

describe("a real OAuth client (openid-client v6) against the simulator", () => {
  it("when it runs authorization code + PKCE, then refreshes, then the tokens read activityLogging and workers", async () => {
    const reg = await register(ctx.sim);
    const config = new client.Configuration(
      { issuer: `${ctx.sim.url}/acme`, authorization_endpoint: reg.authorizationEndpoint, token_endpoint: reg.tokenEndpoint },
      reg.clientId,
      reg.clientSecret,
      client.ClientSecretBasic(reg.clientSecret),
    );
    client.allowInsecureRequests(config);

    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    });

    const browser = new Browser();
    const signIn = await browser.get(authorizationUrl);
    const consentPage = await browser.follow(await browser.submit(signIn, "Sign In", { username: "isu_wdconnect", password: "Workday-isu-1" }));
    const back = await browser.submit(consentPage, "Allow");
    const callback = new URL(back.location ?? "");

    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expiresIn()).toBeGreaterThan(3500);
    const refreshToken = tokens.refresh_token ?? "";
    expect(refreshToken).not.toBe("");

    const refreshed = await client.refreshTokenGrant(config, refreshToken);
    expect(refreshed.refresh_token).toBe(refreshToken);
    expect(refreshed.access_token).not.toBe(tokens.access_token);

    const now = new Date();
    const to = new Date(now.getTime() + 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const from = new Date(now.getTime() - 9 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const activity = await apiGet<{ data: { taskDisplayName: string }[]; total: number }>(
      activityUrl(reg, { from, to, limit: "1000", offset: "1001" }),
      refreshed.access_token,
    );
    expect(activity.status).toBe(200);
    expect(activity.json.total).toBe(2001);
    expect(activity.json.data.at(-1)?.taskDisplayName).toBe("Submit OAuth 2.0 Consent (Web Service)");

    const workers = await apiGet<{ data: unknown[]; total: number }>(`${reg.restApiEndpoint}/workers?limit=5`, refreshed.access_token);
    expect(workers.status).toBe(200);
    expect(workers.json.data).toHaveLength(5);

    const log = await control<{ requests: { grantType: string; count: number }[] }>(ctx.sim, "GET", "/token-log");
    expect(log.json.requests.map((r) => [r.grantType, r.count])).toEqual([
      ["authorization_code", 1],
      ["refresh_token", 1],
    ]);
  });

  it("when openid-client sends client_secret_post instead, then the simulator accepts that too", async () => {
    const reg = await register(ctx.sim);
    const config = new client.Configuration(
      { issuer: `${ctx.sim.url}/acme`, authorization_endpoint: reg.authorizationEndpoint, token_endpoint: reg.tokenEndpoint },
      reg.clientId,
      reg.clientSecret,
      client.ClientSecretPost(reg.clientSecret),
    );
    client.allowInsecureRequests(config);
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT_URI, state: "s" });
    const browser = new Browser();
    const consentPage = await browser.follow(await browser.submit(await browser.get(url), "Sign In", { username: "admin", password: "Workday-admin-1" }));
    const callback = new URL((await browser.submit(consentPage, "Allow")).location ?? "");
    const tokens = await client.authorizationCodeGrant(config, callback, { expectedState: "s" });
    expect(tokens.access_token).toBeTruthy();
  });
});
