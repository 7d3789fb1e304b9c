import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIVITY_CSV_COLUMNS,
  activityListResponseSchema,
  activityRowSchema,
  apiErrorSchema,
  connectorResponseSchema,
  routes,
  syncStatusResponseSchema,
  type ActivityListQuery,
} from "@wc/contracts";
import type { StoredActivityRow } from "../src/store/types";
import { startBff, type Client, type Harness } from "./harness";

let h: Harness;
let c1: string;
let c2: string;
let support: Client;

const row = (i: number, over: Partial<StoredActivityRow> = {}): StoredActivityRow => ({
  key: `key${String(i).padStart(5, "0")}`,
  requestTime: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
  systemAccount: ["lmartin", "ada", "isu_wdconnect"][i % 3] ?? "x",
  taskId: `task${i % 4}`,
  taskDisplayName: ["View Worker", "Change Pay", "Sign In", "Get Workers (Web Service)"][i % 4] ?? null,
  activityAction: ["READ", "WRITE", "OTHER", "EXPORT"][i % 4] ?? null,
  ipAddress: `198.51.100.${i % 5}`,
  userAgent: "Mozilla/5.0",
  deviceType: i % 2 === 0 ? "Desktop" : "Mobile",
  sessionId: `s${i % 7}`,
  targetId: null,
  targetDescriptor: null,
  targetHref: null,
  ...over,
});

/** A signed-in support user (the harness's support account). */
const supportClient = (): Promise<Client> => h.signedIn("support");

const qs = (q: Record<string, string | number>) => `?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
const list = async (client: Client, path: string, q: ActivityListQuery | Record<string, string | number> = {}) => {
  const res = await client.get(path + qs(q as Record<string, string | number>));
  expect(res.status, res.text).toBe(200);
  return activityListResponseSchema.parse(res.json());
};

beforeAll(async () => {
  h = await startBff();
  const create = async (name: string) => connectorResponseSchema.parse((await h.client.post(routes.connectors, { name })).json()).connector.id;
  c1 = await create("Activity one");
  c2 = await create("Activity two");
  await h.store.commitActivityPage(
    c1,
    Array.from({ length: 120 }, (_, i) => row(i)),
    {},
  );
  await h.store.commitActivityPage(c2, [row(1000, { systemAccount: "other", userAgent: '=HYPERLINK("http://x","y"), "quoted"\nnext' })], {});
  await h.store.replaceWorkers(
    c1,
    [{ workerId: "w1", systemAccount: "lmartin", name: "Logan Martin", email: null, businessTitle: null, organization: null, isManager: false }],
    new Date().toISOString(),
  );
  support = await supportClient();
});
afterAll(async () => {
  await h.close();
});

describe("GET activity lists", () => {
  it("when a support user lists a connector's activity, then rows come newest first with names, the total and a next cursor", async () => {
    const page = await list(support, routes.connectorActivity(c1), { pageSize: 50 });
    expect(page).toMatchObject({ total: 120, page: 1, pageSize: 50 });
    expect(page.rows.map((r) => r.id).slice(0, 2)).toEqual(["key00119", "key00118"]);
    expect(page.rows.find((r) => r.systemAccount === "lmartin")?.accountName).toBe("Logan Martin");
    expect(page.nextCursor).not.toBeNull();
  });

  it("when following cursors to the end, then every row comes exactly once and the last page has no cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(support, routes.connectorActivity(c1), { pageSize: 35, ...(cursor ? { cursor } : {}) });
      expect(page.page).toBe(cursor ? null : 1);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it("when asking by page number, then that page of the same order comes back", async () => {
    const page3 = await list(support, routes.connectorActivity(c1), { pageSize: 50, page: 3, order: "asc" });
    expect(page3.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `key${String(100 + i).padStart(5, "0")}`));
    expect(page3.nextCursor).toBeNull();
  });

  it("when filters are given, then each narrows the rows (time range, account, task, action, address, device, session)", async () => {
    const total = async (q: Record<string, string>) => (await list(support, routes.connectorActivity(c1), q)).total;
    expect(await total({ from: "2026-03-01T00:10:00Z", to: "2026-03-01T00:20:00Z" })).toBe(10);
    expect(await total({ account: "ada" })).toBe(40);
    expect(await total({ task: "change" })).toBe(30);
    expect(await total({ task: "task3" })).toBe(30);
    expect(await total({ action: "OTHER" })).toBe(60);
    expect(await total({ ipAddress: "198.51.100.4" })).toBe(24);
    expect(await total({ deviceType: "Mobile" })).toBe(60);
    expect(await total({ sessionId: "s0" })).toBe(18);
    expect(await total({ account: "ada", deviceType: "Mobile", action: "WRITE" })).toBe(10);
  });

  it("when listing across connectors, then both appear; connectorId narrows to one", async () => {
    expect((await list(support, routes.activity)).total).toBe(121);
    expect((await list(support, routes.activity, { connectorId: c2 })).rows.map((r) => r.connectorId)).toEqual([c2]);
  });

  it("when the query is wrong, then 400 names each field; never a 500", async () => {
    const res = await support.get(`${routes.connectorActivity(c1)}?pageSize=9999&action=DELETE&from=yesterday&bogus=1`);
    expect(res.status).toBe(400);
    const body = apiErrorSchema.parse(res.json());
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["action", "from", "pageSize", "query"].sort());
    for (const bad of ["?cursor=not-ours", "?account=a&account=b", `?connectorId=${c2}`, "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"]) {
      expect((await support.get(routes.connectorActivity(c1) + bad)).status, bad).toBe(400);
    }
  });

  it("when the connector does not exist, then 404", async () => {
    expect((await support.get(routes.connectorActivity("nope"))).status).toBe(404);
    expect((await support.get(routes.connectorSync("nope"))).status).toBe(404);
  });
});

describe("exports", () => {
  it("when exporting CSV, then a header row, every matching row oldest first, RFC 4180 quoting and formula-safe values, as an uncached attachment", async () => {
    const res = await support.get(`${routes.activityExport}?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="workday-activity-all-\d{8}T\d{6}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = res.text.split("\r\n");
    expect(lines[0]).toBe(ACTIVITY_CSV_COLUMNS.join(","));
    expect(lines[1]?.startsWith(`key00000,${c1},2026-03-01T00:00:00.000Z,lmartin,Logan Martin,task0,View Worker,READ,`)).toBe(true);
    expect(res.text).toContain(`"'=HYPERLINK(""http://x"",""y""), ""quoted""\nnext"`);
    // Records end in CRLF; the LF inside the quoted value does not split a record.
    expect(lines.filter((l) => l !== "")).toHaveLength(1 + 121);
  });

  it("when exporting NDJSON with filters, then one activity row per line, exactly the filtered ones", async () => {
    const res = await support.get(`${routes.connectorActivityExport(c1)}?format=ndjson&account=lmartin&action=READ`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    expect(res.headers.get("content-disposition")).toContain(`workday-activity-${c1}-`);
    const rows = res.text
      .trim()
      .split("\n")
      .map((l) => activityRowSchema.parse(JSON.parse(l)));
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.systemAccount === "lmartin" && r.activityAction === "READ")).toBe(true);
    expect(rows.map((r) => r.requestTime)).toEqual([...rows.map((r) => r.requestTime)].sort());
  });

  it("when the export format is missing or unknown, then 400 with the field named", async () => {
    for (const q of ["", "?format=xlsx"]) {
      const res = await support.get(routes.connectorActivityExport(c1) + q);
      expect(res.status).toBe(400);
      expect(apiErrorSchema.parse(res.json()).error.fields).toHaveProperty("format");
    }
  });
});

describe("sync status and settings", () => {
  const settings = { backfillDays: 3, pollIntervalMinutes: 10, lagMinutes: 1, retentionDays: 30 };

  it("when a connector never connected, then its sync is idle with the deployment defaults", async () => {
    const res = await support.get(routes.connectorSync(c1));
    expect(syncStatusResponseSchema.parse(res.json()).sync).toMatchObject({
      phase: "idle",
      rowsStored: 120,
      settings: { backfillDays: 7, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 90 },
    });
  });

  it("when support tries to change settings or re-sync, then 403; an admin may", async () => {
    expect((await support.put(routes.connectorSyncSettings(c1), settings)).status).toBe(403);
    expect((await support.post(routes.connectorResync(c1), { from: "2026-03-01T00:00:00Z", to: "2026-03-01T01:00:00Z" })).status).toBe(403);
    const res = await h.client.put(routes.connectorSyncSettings(c1), settings);
    expect(res.status).toBe(200);
    expect(syncStatusResponseSchema.parse(res.json()).sync.settings).toEqual(settings);
    expect(syncStatusResponseSchema.parse((await support.get(routes.connectorSync(c1))).json()).sync.settings).toEqual(settings);
    const [entry] = await h.store.listAudit({ action: "connector.sync_settings_changed", limit: 1 });
    expect(entry).toMatchObject({ targetId: c1, actorName: "Ada Admin", before: { backfillDays: 7 }, after: { backfillDays: settings.backfillDays } });
  });

  it("when settings are invalid, then 400 names each field", async () => {
    const res = await h.client.put(routes.connectorSyncSettings(c1), { backfillDays: 0, pollIntervalMinutes: 1.5, lagMinutes: 2, retentionDays: 30, extra: 1 });
    expect(res.status).toBe(400);
    expect(Object.keys(apiErrorSchema.parse(res.json()).error.fields ?? {}).sort()).toEqual(["backfillDays", "body", "pollIntervalMinutes"]);
  });

  it("when a re-sync is asked for a connector that never connected, then 409; a window in the future is refused with the field named", async () => {
    expect((await h.client.post(routes.connectorResync(c1), { from: "2026-03-01T00:00:00Z", to: "2026-03-01T01:00:00Z" })).status).toBe(409);
    await h.store.updateConnector(c1, { status: "connected", connectedAt: new Date().toISOString() });
    const future = new Date(Date.now() + 3600_000).toISOString();
    const res = await h.client.post(routes.connectorResync(c1), { from: new Date(Date.now() - 3600_000).toISOString(), to: future });
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(res.json()).error.fields).toHaveProperty("to");
  });
});
