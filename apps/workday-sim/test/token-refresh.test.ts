import { describe, expect, it } from "vitest";
import { apiGet, connect, control, refreshWith, register, useSimulator } from "./support/sim";

const ctx = useSimulator();
const DAY = 86_400;

describe("token endpoint: refresh_token", () => {
  it("when the client has Non-Expiring Refresh Tokens = Yes, then every refresh returns the same refresh token, even much later", async () => {
    const reg = await register(ctx.sim, "acme", { nonExpiringRefreshTokens: true });
    const tokens = await connect(reg);
    const first = await refreshWith(reg, tokens.refresh_token);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ token_type: "Bearer", expires_in: 3600, refresh_token: tokens.refresh_token });
    expect(first.json.access_token).not.toBe(tokens.access_token);
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 365 * DAY });
    expect((await refreshWith(reg, tokens.refresh_token)).json.refresh_token).toBe(tokens.refresh_token);
  });

  it("when the client has expiring refresh tokens and it is used within its lifetime, then the lifetime slides", async () => {
    const reg = await register(ctx.sim, "acme", { nonExpiringRefreshTokens: false });
    const tokens = await connect(reg);
    for (let i = 0; i < 3; i++) {
      await control(ctx.sim, "POST", "/clock", { advanceSeconds: 6 * DAY });
      const res = await refreshWith(reg, tokens.refresh_token);
      expect(res.status).toBe(200);
      expect(res.json.refresh_token).toBe(tokens.refresh_token);
    }
  });

  it("when an expiring refresh token sits unused beyond refreshTokenTtlSeconds, then 400 invalid_grant", async () => {
    const reg = await register(ctx.sim, "acme", { nonExpiringRefreshTokens: false });
    const tokens = await connect(reg);
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 7 * DAY + 1 });
    const res = await refreshWith(reg, tokens.refresh_token);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "invalid_grant" });
  });

  it("when rotateRefreshTokens is on and the client's tokens expire, then each refresh returns a new refresh token and the old one stops working", async () => {
    await control(ctx.sim, "PATCH", "/options", { rotateRefreshTokens: true });
    const reg = await register(ctx.sim, "acme", { nonExpiringRefreshTokens: false });
    const tokens = await connect(reg);
    const rotated = await refreshWith(reg, tokens.refresh_token);
    expect(rotated.status).toBe(200);
    expect(rotated.json.refresh_token).not.toBe(tokens.refresh_token);
    expect((await refreshWith(reg, tokens.refresh_token)).json).toEqual({ error: "invalid_grant" });
    expect((await refreshWith(reg, String(rotated.json.refresh_token))).status).toBe(200);
  });

  it("when rotateRefreshTokens is on but the client is non-expiring, then the refresh token is not rotated", async () => {
    await control(ctx.sim, "PATCH", "/options", { rotateRefreshTokens: true });
    const reg = await register(ctx.sim, "acme", { nonExpiringRefreshTokens: true });
    const tokens = await connect(reg);
    expect((await refreshWith(reg, tokens.refresh_token)).json.refresh_token).toBe(tokens.refresh_token);
  });

  it("when the account that consented is disabled, then refresh is 400 invalid_grant and its access token 401; re-enabled, both work again", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    await control(ctx.sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    expect(await refreshWith(reg, tokens.refresh_token)).toMatchObject({ status: 400, json: { error: "invalid_grant" } });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(401);
    await control(ctx.sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
    expect((await refreshWith(reg, tokens.refresh_token)).status).toBe(200);
  });

  it("when the refresh token was issued to another client, then 400 invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const other = await register(ctx.sim);
    const tokens = await connect(reg);
    expect((await refreshWith(other, tokens.refresh_token)).json).toEqual({ error: "invalid_grant" });
  });

  it("when the access token's lifetime passes, then the API answers 401 invalid_token and a refresh gives a working one", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 3601 });
    const expired = await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ error: "invalid_token" });
    const fresh = await refreshWith(reg, tokens.refresh_token);
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, String(fresh.json.access_token))).status).toBe(200);
  });

  it("when accessTokenTtlSeconds is changed, then expires_in follows it", async () => {
    await control(ctx.sim, "PATCH", "/options", { accessTokenTtlSeconds: 60 });
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    expect(tokens.expires_in).toBe(60);
  });
});
