import { beforeAll, expect, it } from "vitest";
import { activityListResponseSchema, apiErrorSchema, connectorResponseSchema, routes } from "@wc/contracts";
import type { StoredActivityRow } from "../src/store/types";
import { describeEachEngine } from "./each-engine";
import type { Harness } from "./harness";

const row = (i: number, systemAccount: string): StoredActivityRow => ({
  key: `key${i}`,
  requestTime: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
  systemAccount,
  taskId: "t",
  taskDisplayName: "View Worker",
  activityAction: "READ",
  ipAddress: "198.51.100.1",
  userAgent: "Mozilla/5.0",
  deviceType: "Desktop",
  sessionId: "s",
  targetId: null,
  targetDescriptor: null,
  targetHref: null,
});
const worker = (workerId: string, systemAccount: string, name: string) => ({
  workerId,
  systemAccount,
  name,
  email: `${systemAccount}@example.com`,
  businessTitle: null,
  organization: null,
  isManager: false,
});

describeEachEngine("the Activity account filter over HTTP", (bff) => {
  let h: Harness;
  let id: string;
  const accounts = async (path: string) => {
    const res = await h.client.get(path);
    expect(res.status, res.text).toBe(200);
    return activityListResponseSchema.parse(res.json()).rows.map((r) => r.systemAccount);
  };
  beforeAll(async () => {
    h = bff();
    id = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: "Filter by name" })).json()).connector.id;
    await h.store.commitActivityPage(id, [row(1, "bgarcia"), row(2, "lmartin"), row(3, "BGarcia"), row(4, "garcia")], {});
    await h.store.replaceWorkers(id, [worker("w1", "bgarcia", "Bruno Garcia"), worker("w2", "lmartin", "Logan Martin")], new Date().toISOString());
  });

  it("when the filter is 'bruno garcia', then rows of account bgarcia show, in any case, on the connector's list and across connectors", async () => {
    expect(await accounts(`${routes.connectorActivity(id)}?account=bruno%20garcia&order=asc`)).toEqual(["bgarcia", "BGarcia"]);
    expect(await accounts(`${routes.activity}?account=BRUNO%20GARCIA&order=asc`)).toEqual(["bgarcia", "BGarcia"]);
  });

  it("when the filter is the sign-in name in another case, then its rows show; a part of a name matches nothing", async () => {
    expect(await accounts(`${routes.connectorActivity(id)}?account=BGARCIA&order=asc`)).toEqual(["bgarcia", "BGarcia"]);
    expect(await accounts(`${routes.connectorActivity(id)}?account=Bruno`)).toEqual([]);
  });

  it("when the filter is longer than 200 characters, then 400 names the Account field", async () => {
    const res = await h.client.get(`${routes.connectorActivity(id)}?account=${"x".repeat(201)}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(apiErrorSchema.parse(res.json()))).toContain("account");
  });
});
