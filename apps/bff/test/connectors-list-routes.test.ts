import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorNamesResponseSchema, listConnectorsResponseSchema, routes, type ConnectorStatus } from "@wc/contracts";
import { startBff, type Harness } from "./harness";
import { connectorRecord } from "./connector-record";

let h: Harness;
const at = "2026-11-29T10:00:00.000Z";
const STATUSES: ConnectorStatus[] = ["connected", "connected", "connected", "relink_needed", "action_required", "degraded", "pending_configuration"];

beforeAll(async () => {
  h = await startBff();
  for (let i = 0; i < 70; i++) {
    const status = STATUSES[i % STATUSES.length] ?? "connected";
    await h.store.insertConnector(
      connectorRecord(`c${String(i).padStart(2, "0")}`, {
        name: `Tenant ${String(i).padStart(2, "0")}`,
        status,
        tenant: i % 2 ? `acme${i}` : `globex${i}`,
        environment: i % 2 ? "sandbox" : "production",
      }),
      { at, from: null, to: status, reasonCode: null, actor: "t" },
    );
  }
});
afterAll(async () => {
  await h.close();
});

const list = async (query: string) => {
  const res = await h.client.get(`${routes.connectors}${query}`);
  expect(res.status, res.text).toBe(200);
  return listConnectorsResponseSchema.parse(res.json());
};

describe("GET /api/connectors at scale", () => {
  it("when no limit is given, then the first 50 come by name with a next cursor, the total and the counts of every status", async () => {
    const page = await list("");
    expect(page.connectors).toHaveLength(50);
    expect(page.connectors[0]?.name).toBe("Tenant 00");
    expect(page.prevCursor).toBeNull();
    expect(page.total).toBe(70);
    expect(page.counts).toEqual({
      pending_configuration: 10,
      pending_authorization: 0,
      connected: 30,
      degraded: 10,
      relink_needed: 10,
      action_required: 10,
      disconnected: 0,
    });
    const next = await list(`?cursor=${page.nextCursor ?? ""}`);
    expect(next.connectors.map((c) => c.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Tenant ${i + 50}`));
    expect(next.nextCursor).toBeNull();
  });

  it("when filtered by status, environment and a search, then total counts the matches and the counts stay those of the whole console", async () => {
    const page = await list("?status=relink_needed,action_required&environment=sandbox&q=ACME&sort=status&order=desc&limit=200");
    expect(page.connectors.every((c) => ["relink_needed", "action_required"].includes(c.status) && c.environment === "sandbox")).toBe(true);
    expect(page.total).toBe(page.connectors.length);
    expect(page.total).toBe(10);
    expect(page.connectors[0]?.status).toBe("action_required");
    expect(page.counts.connected).toBe(30);
    const byStatus = await list("?status=relink_needed");
    expect(byStatus.total).toBe(10);
  });

  it("when a page is asked again with nothing changed, then the same JSON comes back; when a connector is renamed, then the next answer shows it", async () => {
    const first = await h.client.get(`${routes.connectors}?limit=5`);
    const again = await h.client.get(`${routes.connectors}?limit=5`);
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(again.text).toBe(first.text);
    await h.store.updateConnector(
      "c00",
      { name: "Tenant 00 renamed", updatedAt: at },
      { at, from: "connected", to: "connected", reasonCode: null, actor: "t" },
    );
    const renamed = listConnectorsResponseSchema.parse((await h.client.get(`${routes.connectors}?limit=5`)).json());
    expect(renamed.connectors[0]?.name).toBe("Tenant 00 renamed");
    // Another page size is another answer, read and kept on its own.
    expect((await list("?limit=6")).connectors).toHaveLength(6);
  });

  it.each([
    ["limit=0", "limit", /between 1 and 200/],
    ["limit=201", "limit", /between 1 and 200/],
    ["limit=ten", "limit", /whole number/],
    ["sort=created", "sort", /name, status, lastSuccess/],
    ["order=up", "order", /asc or desc/],
    ["status=connected,broken", "status", /"broken" is not one the console knows/],
    ["status=,", "status", /Status is empty/],
    ["environment=staging", "environment", /production or sandbox/],
    ["q=%20%20", "q", /Search is empty/],
    [`q=${"x".repeat(101)}`, "q", /longer than 100/],
    ["cursor=", "cursor", /leave it out for the first page/],
    ["cursor=abc", "cursor", /not one this server issued/],
    ["page=2", "query", /Unknown field\(s\): page/],
    ["status=connected&status=degraded", "status", /only once/],
  ])("when the query has %s, then 400 names %s in words", async (query, field, message) => {
    const res = await h.client.get(`${routes.connectors}?${query}`);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "validation_failed", fields: { [field]: expect.stringMatching(message) } } });
  });
});

describe("GET /api/connector-names", () => {
  const names = async () => {
    const res = await h.client.get(routes.connectorNames);
    expect(res.status, res.text).toBe(200);
    return connectorNamesResponseSchema.strict().parse(res.json()).connectors;
  };

  it("when asked, then every connector comes in one answer, by name in any case, each with its id and name only", async () => {
    await h.store.insertConnector(connectorRecord("c-lower", { name: "acme lower case", status: "pending_configuration" }), {
      at,
      from: null,
      to: "pending_configuration",
      reasonCode: null,
      actor: "t",
    });
    const all = await names();
    expect(all).toHaveLength(71);
    expect(all[0]).toEqual({ id: "c-lower", name: "acme lower case" });
    expect(all.slice(1).map((c) => c.id)).toEqual(Array.from({ length: 70 }, (_, i) => `c${String(i).padStart(2, "0")}`));
    for (const c of all) expect(Object.keys(c).sort()).toEqual(["id", "name"]);
  });

  it("when asked as support, then the same answer comes; a connector renamed or deleted shows in the next answer", async () => {
    const support = await h.signedIn("support");
    const before = await support.get(routes.connectorNames);
    expect(before.status).toBe(200);
    expect(before.text).toBe((await h.client.get(routes.connectorNames)).text);
    await h.store.updateConnector("c01", { name: "Zulu renamed", updatedAt: at }, { at, from: "connected", to: "connected", reasonCode: null, actor: "t" });
    await h.store.deleteConnector("c02");
    const after = await names();
    expect(after.at(-1)).toEqual({ id: "c01", name: "Zulu renamed" });
    expect(after.find((c) => c.id === "c02")).toBeUndefined();
    expect(after).toHaveLength(70);
  });

  it.each([
    ["limit=5", /Unknown field\(s\): limit/],
    ["sort=name", /Unknown field\(s\): sort/],
  ])("when the query has %s, then 400 says the route takes no parameters", async (query, message) => {
    const res = await h.client.get(`${routes.connectorNames}?${query}`);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "validation_failed", fields: { query: expect.stringMatching(message) } } });
  });
});
