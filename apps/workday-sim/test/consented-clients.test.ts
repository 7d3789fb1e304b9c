import { describe, expect, it } from "vitest";
import { apiGet, control, refreshWith, useSimulator, type Registered } from "./support/sim";

const ctx = useSimulator();

interface Bulk {
  tokenEndpoint: string;
  restApiEndpoint: string;
  authorizationEndpoint: string;
  clients: { clientId: string; clientSecret: string; refreshToken: string }[];
}

const bulk = (tenant: string, body: unknown) => control<Bulk>(ctx.sim, "POST", `/tenants/${tenant}/consented-clients`, body);
const asRegistered = (b: Bulk, i: number): Registered => {
  const c = b.clients[i];
  if (!c) throw new Error(`no client ${i}`);
  return { ...c, tokenEndpoint: b.tokenEndpoint, restApiEndpoint: b.restApiEndpoint, authorizationEndpoint: b.authorizationEndpoint };
};

describe("control API: consented clients in bulk", () => {
  it("when three consented clients are asked for, then each refresh token gets an access token that reads the workers", async () => {
    const res = await bulk("acme", { count: 3 });
    expect(res.status).toBe(201);
    expect(res.json.clients).toHaveLength(3);
    expect(new Set(res.json.clients.map((c) => c.clientId)).size).toBe(3);
    for (let i = 0; i < 3; i++) {
      const reg = asRegistered(res.json, i);
      const refreshed = await refreshWith(reg, res.json.clients[i]?.refreshToken ?? "");
      expect(refreshed.status).toBe(200);
      const workers = await apiGet(`${reg.restApiEndpoint}/workers?limit=1`, String(refreshed.json.access_token));
      expect(workers.status).toBe(200);
    }
    const listed = await control<{ clients: { clientName: string }[] }>(ctx.sim, "GET", "/tenants/acme/clients");
    expect(listed.json.clients.map((c) => c.clientName)).toEqual(expect.arrayContaining(["workday-connect 1", "workday-connect 3"]));
  });

  it("when 10,000 are asked for in one call, then all are created and the last one's refresh token works", async () => {
    const res = await bulk("acme_sandbox", { count: 10_000 });
    expect(res.status).toBe(201);
    expect(res.json.clients).toHaveLength(10_000);
    const last = asRegistered(res.json, 9_999);
    expect((await refreshWith(last, res.json.clients[9_999]?.refreshToken ?? "")).status).toBe(200);
  });

  it("when the count is missing, 0, a fraction or over 10,000, then 400 names count and what to send", async () => {
    for (const body of [{}, { count: 0 }, { count: 1.5 }, { count: 10_001 }, { count: "5" }]) {
      const res = await bulk("acme", body);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/count/);
    }
    expect((await bulk("acme", { count: 1, extra: true })).status).toBe(400);
  });

  it("when the tenant or the account does not exist, then 404 says which", async () => {
    expect((await bulk("nope", { count: 1 })).status).toBe(404);
    const res = await bulk("acme", { count: 1, username: "ghost" });
    expect(res.status).toBe(404);
    expect(res.text).toMatch(/ghost/);
  });
});
