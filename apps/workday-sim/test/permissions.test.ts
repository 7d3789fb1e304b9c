import { describe, expect, it } from "vitest";
import { activityUrl, apiGet, connect, control, register, useSimulator } from "./support/sim";

const ctx = useSimulator();
const WINDOW = { from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", limit: "1" };

describe("domain permissions of the connector's security group", () => {
  it("when System Auditing is removed but not activated, then activityLogging still answers", async () => {
    const reg = await register(ctx.sim);
    const { access_token } = await connect(reg);
    const put = await control(ctx.sim, "PUT", "/tenants/acme/permissions/system_auditing", { granted: false });
    expect(put.json).toEqual({ key: "system_auditing", granted: false, active: true, pending: true });
    expect((await apiGet(activityUrl(reg, WINDOW), access_token)).status).toBe(200);
  });

  it("when the removal is activated, then activityLogging answers 403 permission denied and workers still work", async () => {
    const reg = await register(ctx.sim);
    const { access_token } = await connect(reg);
    await control(ctx.sim, "PUT", "/tenants/acme/permissions/system_auditing", { granted: false });
    const activated = await control(ctx.sim, "POST", "/tenants/acme/permissions/activate");
    expect(activated.json).toMatchObject({ activated: [], deactivated: ["system_auditing"] });
    const res = await apiGet(activityUrl(reg, WINDOW), access_token);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: "permission denied" });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(200);
  });

  it("when Public Worker Reports is granted in an unprepared tenant, then workers answers only after activation", async () => {
    await control(ctx.sim, "PATCH", "/tenants/globex_impl/settings", { oauthClientsEnabled: true });
    const reg = await register(ctx.sim, "globex_impl");
    const url = new URL(reg.authorizationEndpoint);
    url.searchParams.set("redirect", "n");
    const { access_token } = await connect({ ...reg, authorizationEndpoint: url.href });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(403);
    await control(ctx.sim, "PUT", "/tenants/globex_impl/permissions/worker_public_reports", { granted: true });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(403);
    await control(ctx.sim, "POST", "/tenants/globex_impl/permissions/activate");
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(200);
  });

  it("when the client's scope lacks System, then activityLogging answers 403 even with the permission", async () => {
    const reg = await register(ctx.sim, "acme", { scopes: ["Staffing"] });
    const { access_token } = await connect(reg);
    expect((await apiGet(activityUrl(reg, WINDOW), access_token)).json).toEqual({ error: "permission denied" });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(200);
  });

  it("when the client's scope lacks Staffing, then workers answers 403", async () => {
    const reg = await register(ctx.sim, "acme", { scopes: ["System"] });
    const { access_token } = await connect(reg);
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(403);
  });

  it("when the consenting account is not in the connector's security group, then both APIs answer 403", async () => {
    await control(ctx.sim, "POST", "/tenants/acme/accounts", { username: "jdoe", password: "pw-1", memberOfConnectorGroup: false });
    const reg = await register(ctx.sim);
    const { access_token } = await connect(reg, { username: "jdoe", password: "pw-1" });
    expect((await apiGet(`${reg.restApiEndpoint}/workers`, access_token)).status).toBe(403);
    expect((await apiGet(activityUrl(reg, WINDOW), access_token)).status).toBe(403);
  });

  it("when the permission key is unknown, then 404 with the fix", async () => {
    const res = await control(ctx.sim, "PUT", "/tenants/acme/permissions/everything", { granted: true });
    expect(res.status).toBe(404);
    expect(res.json.error).toContain("Unknown permission");
  });
});
