import { describe, expect, it } from "vitest";
import { apiGet, connect, control, refreshWith, register, useSimulator } from "./support/sim";
import { anyString } from "./support/matchers";

const ctx = useSimulator();

describe("API client lifecycle", () => {
  it("when a new client secret is generated, then the old secret gets 401 invalid_client at once and the new one works", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    const res = await control<{ clientSecret: string }>(ctx.sim, "POST", `/tenants/acme/clients/${reg.clientId}/secret`);
    expect(res.json.clientSecret).not.toBe(reg.clientSecret);
    const old = await refreshWith(reg, tokens.refresh_token);
    expect(old.status).toBe(401);
    expect(old.json).toEqual({ error: "invalid_client" });
    expect((await refreshWith({ ...reg, clientSecret: res.json.clientSecret }, tokens.refresh_token)).status).toBe(200);
  });

  it("when the client is deleted, then its token requests get 401 invalid_client and its access tokens 401", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    expect((await control(ctx.sim, "DELETE", `/tenants/acme/clients/${reg.clientId}`)).status).toBe(204);
    expect(await refreshWith(reg, tokens.refresh_token)).toMatchObject({ status: 401, json: { error: "invalid_client" } });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(401);
  });

  it("when the client's refresh tokens are listed, then each shows the account and no token value", async () => {
    const reg = await register(ctx.sim);
    await connect(reg);
    await connect(reg, { username: "admin", password: "Workday-admin-1" });
    const res = await control<{ refreshTokens: Record<string, unknown>[] }>(ctx.sim, "GET", `/tenants/acme/clients/${reg.clientId}/refresh-tokens`);
    expect(res.json.refreshTokens.map((t) => t.username).sort()).toEqual(["admin", "isu_wdconnect"]);
    expect(res.json.refreshTokens[0]).toEqual({ id: anyString(), username: anyString(), issuedAt: anyString(), lastUsedAt: anyString(), expiresAt: null });
  });

  it("when one refresh token is revoked, then only that one gets invalid_grant", async () => {
    const reg = await register(ctx.sim);
    const isu = await connect(reg);
    const admin = await connect(reg, { username: "admin", password: "Workday-admin-1" });
    const list = await control<{ refreshTokens: { id: string; username: string }[] }>(ctx.sim, "GET", `/tenants/acme/clients/${reg.clientId}/refresh-tokens`);
    const isuTokenId = list.json.refreshTokens.find((t) => t.username === "isu_wdconnect")?.id;
    const res = await control(ctx.sim, "POST", `/tenants/acme/clients/${reg.clientId}/revoke-refresh-tokens`, { tokenId: isuTokenId });
    expect(res.json).toEqual({ revoked: 1 });
    expect((await refreshWith(reg, isu.refresh_token)).json).toEqual({ error: "invalid_grant" });
    expect((await refreshWith(reg, admin.refresh_token)).status).toBe(200);
  });

  it("when all of a client's refresh tokens are revoked, then refresh is invalid_grant but live access tokens run out on their own", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg);
    expect((await control(ctx.sim, "POST", `/tenants/acme/clients/${reg.clientId}/revoke-refresh-tokens`)).json).toEqual({ revoked: 1 });
    expect((await refreshWith(reg, tokens.refresh_token)).json).toEqual({ error: "invalid_grant" });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, tokens.access_token)).status).toBe(200);
  });

  it("when a client is listed, then the secret is never shown", async () => {
    const reg = await register(ctx.sim);
    const res = await control(ctx.sim, "GET", "/tenants/acme/clients");
    expect(res.text).toContain(reg.clientId);
    expect(res.text).not.toContain(reg.clientSecret);
  });
});
