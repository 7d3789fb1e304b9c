import { describe, expect, it } from "vitest";
import { allRows } from "./support/activity";
import { activityUrl, apiGet, connect, register, useSimulator } from "./support/sim";
import { anyString, anyBoolean, matching, containing } from "./support/matchers";

const ctx = useSimulator({ now: () => new Date("2024-06-05T12:00:00Z") });

interface Worker {
  id: string;
  descriptor: string;
  href: string;
  primaryWorkEmail: string;
  primaryWorkPhone: string;
  isManager: boolean;
  businessTitle: string;
  primarySupervisoryOrganization: { id: string; descriptor: string; href: string };
}
type WorkerPage = { data: Worker[]; total: number };

async function workersClient() {
  const reg = await register(ctx.sim);
  const { access_token } = await connect(reg);
  const list = (params: Record<string, string> = {}) =>
    apiGet<WorkerPage>(`${reg.restApiEndpoint}/workers?${new URLSearchParams(params).toString()}`, access_token);
  return { reg, access_token, list };
}

describe("GET /ccx/api/v1/<tenant>/workers", () => {
  it("when no limit is given, then 20 WorkerSummary rows and the total", async () => {
    const { list, reg } = await workersClient();
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(20);
    expect(res.json.total).toBeGreaterThanOrEqual(50);
    expect(res.json.total).toBeLessThanOrEqual(200);
    const w = res.json.data[0];
    expect(w).toEqual({
      id: matching(/^[0-9a-f]{32}$/),
      descriptor: anyString(),
      href: `${reg.restApiEndpoint}/workers/${w?.id}`,
      primaryWorkEmail: matching(/@acme\.example\.com$/),
      primaryWorkPhone: matching(/^\+1 /),
      isManager: anyBoolean(),
      businessTitle: anyString(),
      primarySupervisoryOrganization: { id: matching(/^[0-9a-f]{32}$/), descriptor: anyString(), href: anyString() },
    });
  });

  it("when paged with limit 100, then the pages cover every worker once", async () => {
    const { list } = await workersClient();
    const first = await list({ limit: "100" });
    const second = await list({ limit: "100", offset: "100" });
    const ids = [...first.json.data, ...second.json.data].map((w) => w.id);
    expect(new Set(ids).size).toBe(Math.min(first.json.total, 200));
    expect(second.json.total).toBe(first.json.total);
  });

  it.each([["101"], ["0"], ["x"]])("when limit is %s, then 400 in Workday's error shape", async (limit) => {
    const { list } = await workersClient();
    const res = await list({ limit });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: "Invalid request", errors: [{ error: containing("limit") }] });
  });

  it("when searching by part of a name, then only matching workers are counted and returned", async () => {
    const { list } = await workersClient();
    const all = await list({ limit: "100" });
    const name = all.json.data[3]?.descriptor.split(" ")[1] ?? "";
    const res = await list({ search: name.toUpperCase(), limit: "100" });
    expect(res.json.total).toBeGreaterThan(0);
    expect(res.json.total).toBeLessThan(all.json.total);
    for (const w of res.json.data) expect(`${w.descriptor} ${w.primaryWorkEmail}`.toLowerCase()).toContain(name.toLowerCase());
  });

  it("when one worker is fetched by id, then the same summary; an unknown id gives 404 Resource not found", async () => {
    const { list, access_token, reg } = await workersClient();
    const w = (await list()).json.data[5];
    expect((await apiGet(`${reg.restApiEndpoint}/workers/${w?.id}`, access_token)).json).toEqual(w);
    const missing = await apiGet(`${reg.restApiEndpoint}/workers/${"0".repeat(32)}`, access_token);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: "Resource not found" });
  });

  it("when another /ccx/api/v1 resource is asked for, then 404 Resource not found (after the token check)", async () => {
    const { access_token, reg } = await workersClient();
    expect((await apiGet(`${reg.restApiEndpoint}/organizations`, access_token)).json).toEqual({ error: "Resource not found" });
    expect((await apiGet(`${reg.restApiEndpoint}/organizations`, "bad")).status).toBe(401);
  });

  it("when activity and workers are compared, then every systemAccount but the ISU is a worker's email name", async () => {
    const { list, access_token, reg } = await workersClient();
    const workers = [...(await list({ limit: "100" })).json.data, ...(await list({ limit: "100", offset: "100" })).json.data];
    const names = new Set(workers.map((w) => w.primaryWorkEmail.split("@")[0]));
    const query = (p: Record<string, string>) => apiGet<{ data: Record<string, unknown>[]; total: number }>(activityUrl(reg, p), access_token);
    const { rows } = await allRows(query, "2024-05-28T12:00:00Z", "2024-06-05T12:00:00Z", 1000);
    const accounts = new Set(rows.map((r) => String(r.systemAccount)));
    accounts.delete("isu_wdconnect");
    expect(accounts.size).toBeGreaterThan(30);
    for (const a of accounts) expect(names.has(a)).toBe(true);
  });
});
