import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import {
  ACTIVITY_CSV_COLUMNS,
  API_OPERATIONS,
  apiTokenCreatedResponseSchema,
  channelCreatedResponseSchema,
  connectorResponseSchema,
  handoffLinkCreatedResponseSchema,
  routes,
  startConsentResponseSchema,
  syncStatusResponseSchema,
  userResponseSchema,
  type OpenApiDocument,
} from "@wc/contracts";
import type { StoredActivityRow } from "../src/store/types";
import { ACCOUNTS, Client } from "./harness";
import { documentChecker } from "./openapi-checker";
import pino from "pino";
import { alertSession, createPolicyMatcher } from "../src/policies";
import { walkRoutes } from "./routes-walk";
import { connect, consentInWorkday, preparedConnector, registerClient, startStack } from "./sim-fixture";

let stack: Awaited<ReturnType<typeof startStack>>;
let doc: OpenApiDocument;
let served: Awaited<ReturnType<Client["get"]>>;
let check: ReturnType<typeof documentChecker>;
let support: Client;
let anonymous: Client;

beforeAll(async () => {
  // Every test client is 127.0.0.1: the hand-off limit per address has its own test.
  stack = await startStack({ handoffPerMinute: 10_000 });
  anonymous = stack.bff.newClient();
  served = await anonymous.get(routes.openapi);
  doc = served.json<OpenApiDocument>();
  check = documentChecker(doc);
  support = await stack.bff.signedIn("support");
});
afterAll(async () => {
  await stack.close();
});

const admin = () => stack.bff.client;
const json = <T>(res: { json: <U>() => U }) => res.json<T>();
const errorOf = (res: { json: <U>() => U }) => res.json<{ error: { code: string; fields?: Record<string, string> } }>().error;
const documentedOperations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));

describe("the served document", () => {
  it("when it is fetched without a session, then it is JSON naming PUBLIC_URL and the version, and no session starts", () => {
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(served.headers.getSetCookie()).toEqual([]);
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { version: "dev" }, servers: [{ url: stack.bff.url }] });
  });

  it("when it is validated as OpenAPI 3.1, then it passes, and copies broken on purpose are refused", async () => {
    const validator = new Validator();
    const verdict = await validator.validate(structuredClone(doc));
    expect(verdict.errors ?? []).toEqual([]);
    expect([verdict.valid, validator.version]).toEqual([true, "3.1"]);

    const noInfo: Record<string, unknown> = structuredClone(doc);
    delete noInfo.info;
    expect((await new Validator().validate(noInfo)).valid).toBe(false);
    const optionalPathParam = structuredClone(doc);
    const param = optionalPathParam.paths["/api/connectors/{id}"]?.get?.parameters as { required: boolean }[];
    param[0] = { ...param[0], required: false };
    expect((await new Validator().validate(optionalPathParam)).valid).toBe(false);
  });

  it("when every operation is read, then each lists its role, its security and, for every error it answers, the Error schema", () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!["public", "support", "admin", "handoff"].includes(op["x-required-role"])) problems.push(`${name}: no x-required-role`);
        if (!Array.isArray(op.security)) problems.push(`${name}: no security`);
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) >= 400 && !(status === "404" && op.operationId === "oauthCallback")) {
            if (JSON.stringify(r.content) !== JSON.stringify({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } })) {
              problems.push(`${name} ${status}: not the Error shape`);
            }
          }
        }
        if (op.requestBody && !op.responses["400"]) problems.push(`${name}: a body but no 400`);
        if (method !== "get" && !String(op.responses["403"]?.description).includes("csrf_rejected")) problems.push(`${name}: no 403 csrf_rejected`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("when an admin signs in, then the session cookie is the one the document's sessionCookie scheme names", async () => {
    const res = await stack.bff.newClient().post(routes.signIn, { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password });
    const cookieName = res.headers.getSetCookie()[0]?.split("=")[0];
    expect(cookieName).toBe(doc.components.securitySchemes.sessionCookie?.name);
  });
});

describe("the router and the document", () => {
  const servedRoutes = () =>
    new Map(
      walkRoutes(stack.bff.app as unknown as Parameters<typeof walkRoutes>[0]).map((r) => [
        `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}").replace(/(.)\/+$/, "$1")}`,
        { role: r.access, sessionOnly: r.sessionOnly },
      ]),
    );
  const documented = () =>
    new Map(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([m, op]) => [`${m.toUpperCase()} ${path}`, { role: op["x-required-role"], sessionOnly: op["x-session-only"] === true }]),
      ),
    );

  it("when the router is walked, then every route it serves is in the document with the same role and session-only mark", () => {
    const inDocument = documented();
    const missing = [...servedRoutes().keys()].filter((route) => !inDocument.has(route));
    expect(missing, "served but not in the document").toEqual([]);
    const differ = [...servedRoutes()]
      .filter(([route, access]) => JSON.stringify(inDocument.get(route)) !== JSON.stringify(access))
      .map(([route, access]) => `${route}: served ${JSON.stringify(access)}, documented ${JSON.stringify(inDocument.get(route))}`);
    expect(differ).toEqual([]);
  });

  it("when the document is read, then every route it names is served", () => {
    const servedNow = servedRoutes();
    expect(
      [...documented().keys()].filter((route) => !servedNow.has(route)),
      "in the document but not served",
    ).toEqual([]);
    expect(documentedOperations()).toHaveLength(API_OPERATIONS.length);
  });
});

describe("real answers against the documented schemas", () => {
  it("when an answer differs from the document, then the check fails naming the route", () => {
    const answer = (status: number, type: string, text: string) => ({
      status,
      headers: new Headers({ "content-type": type }),
      text,
      json: <T>() => JSON.parse(text) as T,
    });
    const fails = (status: number, type: string, text: string) =>
      expect(() => check.expectDocumented("GET", "/api/health", answer(status, type, text))).toThrow(/GET \/api\/health/);
    fails(200, "application/json", '{"ok":false}');
    fails(200, "application/json", '{"ok":true,"extra":1}');
    fails(200, "text/plain", "ok");
    fails(418, "application/json", '{"error":{"code":"internal","message":"no"}}');
    check.expectDocumented("GET", "/api/health", answer(200, "application/json; charset=utf-8", '{"ok":true}'));
  });

  it("when anyone reads the public routes and signs in and out, then each answer is as documented", async () => {
    const c = stack.bff.newClient();
    await check.call(c, "GET", "/api/health");
    await check.call(c, "GET", "/api/openapi.json");
    await check.call(c, "GET", "/api/session");
    expect((await check.call(c, "POST", "/api/auth/sign-in", { body: { email: ACCOUNTS.support.email, password: "wrong-password" } })).status).toBe(401);
    expect((await check.call(c, "POST", "/api/auth/sign-in", { body: { email: ACCOUNTS.support.email, password: ACCOUNTS.support.password } })).status).toBe(
      200,
    );
    await check.call(c, "GET", "/api/session");
    await check.call(c, "GET", "/api/config");
    const wrong = await check.call(c, "POST", "/api/session/password", { body: { currentPassword: "not-the-password", newPassword: "a-new-long-password" } });
    expect(errorOf(wrong).fields).toHaveProperty("currentPassword");
    expect((await check.call(c, "POST", "/api/auth/sign-out")).status).toBe(204);
    const setup = { token: "x".repeat(43), name: "Second", email: "second@example.com", password: "long-enough-password" };
    expect((await check.call(c, "POST", "/api/auth/setup", { body: setup })).status).toBe(409);
    // Single sign-on is not configured here: both redirect to the sign-in page with the reason.
    expect((await check.call(c, "GET", "/api/auth/sso/start", { query: { returnTo: "/connectors" } })).status).toBe(303);
    expect((await check.call(c, "GET", "/api/auth/sso/callback", { query: { code: "c", state: "s" } })).status).toBe(303);
  });

  it("when an admin manages accounts and reads the audit log, then each answer is as documented", async () => {
    await check.call(admin(), "GET", "/api/users");
    const created = await check.call(admin(), "POST", "/api/users", {
      body: { name: "Doc User", email: "doc-user@example.com", role: "support", password: "doc-user-password" },
    });
    const id = userResponseSchema.parse(created.json()).user.id;
    expect(
      (
        await check.call(admin(), "POST", "/api/users", {
          body: { name: "Twin", email: "doc-user@example.com", role: "support", password: "doc-user-password" },
        })
      ).status,
    ).toBe(409);
    await check.call(admin(), "PATCH", "/api/users/{id}", { params: { id }, body: { role: "admin" } });
    const own = stack.bff.newClient();
    await own.post(routes.signIn, { email: "doc-user@example.com", password: "doc-user-password" });
    expect(
      (await check.call(own, "POST", "/api/session/password", { body: { currentPassword: "doc-user-password", newPassword: "doc-user-password-2" } })).status,
    ).toBe(204);
    expect((await check.call(admin(), "POST", "/api/users/{id}/password", { params: { id }, body: { password: "doc-user-password-3" } })).status).toBe(204);
    await check.call(admin(), "DELETE", "/api/users/{id}/sessions", { params: { id } });
    expect((await check.call(admin(), "DELETE", "/api/users/{id}", { params: { id } })).status).toBe(204);
    expect((await check.call(admin(), "PATCH", "/api/users/{id}", { params: { id }, body: { role: "support" } })).status).toBe(404);
    expect((await check.call(support, "POST", "/api/users", { body: {} })).status).toBe(403);

    const page = await check.call(admin(), "GET", "/api/audit", { query: { limit: "50" } });
    expect(json<{ entries: unknown[] }>(page).entries.length).toBeGreaterThan(0);
    const bad = await check.call(admin(), "GET", "/api/audit", { query: { limit: "0" } });
    expect(errorOf(bad).fields).toHaveProperty("limit");
  });

  it("when an admin takes a connector from draft through consent, checks, diagnostics and deletion, then each answer is as documented", async () => {
    const { bff, sim } = stack;
    const created = await check.call(admin(), "POST", "/api/connectors", { body: { name: `Doc connector ${Math.random()}` } });
    const c = connectorResponseSchema.parse(created.json()).connector;
    const params = { id: c.id };
    const invalid = await check.call(admin(), "POST", "/api/connectors", { body: { name: "" } });
    expect(errorOf(invalid).fields).toHaveProperty("name");
    expect((await check.call(admin(), "POST", "/api/connectors", { body: { name: c.name } })).status).toBe(409);
    await check.call(support, "GET", "/api/connectors");
    const named = await check.call(support, "GET", "/api/connector-names");
    expect(named.json()).toMatchObject({ connectors: expect.arrayContaining([{ id: c.id, name: c.name }]) });
    expect((await check.call(support, "GET", "/api/connector-names", { query: { limit: "5" } })).status).toBe(400);
    await check.call(support, "GET", "/api/connectors/{id}", { params });
    expect((await check.call(support, "GET", "/api/connectors/{id}", { params: { id: "no-such-connector" } })).status).toBe(404);
    expect((await check.call(anonymous, "GET", "/api/connectors")).status).toBe(401);
    expect((await check.call(support, "DELETE", "/api/connectors/{id}", { params })).status).toBe(403);
    expect((await check.call(admin(), "POST", "/api/connectors/{id}/consent", { params, body: { mode: "popup" } })).status).toBe(409);
    await check.call(admin(), "PATCH", "/api/connectors/{id}/wizard", { params, body: { wizardStep: "register" } });

    expect((await check.call(anonymous, "GET", "/api/oauth/connect/{id}", { params, query: { selftest: "1" } })).status).toBe(200);
    expect((await check.call(anonymous, "GET", "/api/oauth/connect/{id}", { params: { id: "no-such-connector" }, query: { selftest: "1" } })).status).toBe(404);
    const reg = await registerClient(sim, "acme", c.redirectUri);
    const details = { ...reg, samlSso: false };
    await check.call(admin(), "PUT", "/api/connectors/{id}/details", { params, body: details });
    const start = await check.call(admin(), "POST", "/api/connectors/{id}/consent", { params, body: { mode: "popup" } });
    const { redirectedTo } = await consentInWorkday(startConsentResponseSchema.parse(start.json()).authorizationUrl, { decision: "Allow" });
    const callback = new URL(redirectedTo);
    const back = await check.call(admin(), "GET", "/api/oauth/connect/{id}", { params, query: Object.fromEntries(callback.searchParams) });
    expect(back.status).toBe(303);

    await check.call(admin(), "POST", "/api/connectors/{id}/checks", { params });
    const streamed = await check.call(admin(), "POST", "/api/connectors/{id}/checks", { params, headers: { accept: "application/x-ndjson" } });
    expect(streamed.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    await check.call(support, "GET", "/api/connectors/{id}/diagnostics", { params });
    await check.call(admin(), "POST", "/api/connectors/{id}/disconnect", { params });
    expect((await check.call(admin(), "POST", "/api/connectors/{id}/checks", { params })).status).toBe(409);
    const csrf = await check.call(admin(), "DELETE", "/api/connectors/{id}", { params, headers: { "x-csrf": "" } });
    expect(errorOf(csrf).code).toBe("csrf_rejected");
    expect((await check.call(admin(), "DELETE", "/api/connectors/{id}", { params })).status).toBe(204);
    expect((await check.call(admin(), "DELETE", "/api/connectors/{id}", { params })).status).toBe(404);
    expect(bff.logs.join("\n")).not.toContain('"level":50');
  }, 60_000);

  it("when support reads and exports a connected connector's activity and an admin changes its sync, then each answer is as documented", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim, "acme");
    const params = { id: connector.id };
    expect((await connect(admin(), connector.id)).res.status).toBe(303);
    await bff.store.commitActivityPage(
      connector.id,
      [activityRow(1), activityRow(2, { targetId: "t1", targetDescriptor: "Logan Martin", targetHref: "https://x/t1" })],
      {},
    );
    await bff.store.replaceWorkers(
      connector.id,
      [{ workerId: "w1", systemAccount: "lmartin", name: "Logan Martin", email: null, businessTitle: null, organization: null, isManager: false }],
      new Date().toISOString(),
    );

    const page = await check.call(support, "GET", "/api/activity", { query: { pageSize: "10" } });
    expect(json<{ rows: unknown[] }>(page).rows.length).toBeGreaterThan(0);
    const misspelt = await check.call(support, "GET", "/api/activity", { query: { acount: "lmartin" } });
    expect(errorOf(misspelt).fields).toHaveProperty("query");
    await check.call(support, "GET", "/api/connectors/{id}/activity", { params, query: { account: "lmartin" } });
    const csv = await check.call(support, "GET", "/api/activity/export", { query: { format: "csv" } });
    const columns = doc.paths["/api/activity/export"]?.get?.responses["200"]?.content?.["text/csv"]?.schema?.description;
    expect(columns).toContain(csv.text.split(/\r?\n/)[0]?.split(",").join(", "));
    expect(csv.text.split(/\r?\n/)[0]).toBe(ACTIVITY_CSV_COLUMNS.join(","));
    await check.call(support, "GET", "/api/activity/export", { query: { format: "ndjson" } });
    await check.call(support, "GET", "/api/connectors/{id}/activity/export", { params, query: { format: "ndjson" } });
    await check.call(support, "GET", "/api/connectors/{id}/activity/export", { params, query: { format: "csv" } });
    await check.call(support, "GET", "/api/connectors/{id}/accounts", { params });

    const status = await check.call(support, "GET", "/api/connectors/{id}/sync", { params });
    const settings = syncStatusResponseSchema.parse(status.json()).sync.settings;
    await check.call(admin(), "PUT", "/api/connectors/{id}/sync/settings", { params, body: { ...settings, lagMinutes: 3 } });
    const tooShort = await check.call(admin(), "PUT", "/api/connectors/{id}/sync/settings", { params, body: { ...settings, retentionDays: 0 } });
    expect(errorOf(tooShort).fields).toHaveProperty("retentionDays");
    const to = new Date(Date.now() - 3_600_000).toISOString();
    const from = new Date(Date.now() - 2 * 3_600_000).toISOString();
    expect((await check.call(admin(), "POST", "/api/connectors/{id}/sync/resync", { params, body: { from, to } })).status).toBe(202);
    await bff.activity.whenIdle(connector.id);
  }, 60_000);

  it("when an admin manages notification channels and support reads them, then each answer is as documented", async () => {
    const webhook = { kind: "webhook", name: "Doc webhook", url: "https://hooks.example.com/doc", events: ["connector.status_changed"] };
    const created = await check.call(admin(), "POST", "/api/notifications/channels", { body: webhook });
    const id = channelCreatedResponseSchema.parse(created.json()).channel.id;
    const email = await check.call(admin(), "POST", "/api/notifications/channels", {
      body: { kind: "email", name: "Doc email", recipients: ["soc@example.com"], events: ["consent.completed"] },
    });
    const emailId = channelCreatedResponseSchema.parse(email.json()).channel.id;
    await check.call(support, "GET", "/api/notifications/channels");
    await check.call(support, "GET", "/api/notifications/channels/{id}", { params: { id } });
    await check.call(admin(), "PUT", "/api/notifications/channels/{id}", { params: { id }, body: { ...webhook, name: "Doc webhook 2" } });
    await check.call(admin(), "POST", "/api/notifications/channels/{id}/secret", { params: { id } });
    expect((await check.call(admin(), "POST", "/api/notifications/channels/{id}/secret", { params: { id: emailId } })).status).toBe(409);
    await check.call(admin(), "POST", "/api/notifications/channels/{id}/test", { params: { id: emailId } });
    await stack.bff.app.background.runDeliveries();
    const log = await check.call(support, "GET", "/api/notifications/channels/{id}/deliveries", { params: { id: emailId } });
    expect(json<{ attempts: unknown[] }>(log).attempts.length).toBeGreaterThan(0);
    expect((await check.call(admin(), "DELETE", "/api/notifications/channels/{id}", { params: { id } })).status).toBe(204);
    expect((await check.call(support, "GET", "/api/notifications/channels/{id}", { params: { id } })).status).toBe(404);
  });

  it("when an admin writes activity policies and works an alert, then each answer is as documented", async () => {
    const { bff, sim } = stack;
    const body = { name: "Doc policy", severity: "high", condition: { field: "taskDisplayName", op: "is", values: ["Start Proxy"] } };
    await check.call(support, "GET", "/api/policies/templates");
    await check.call(admin(), "POST", "/api/policies/backtest", { body });
    const bad = await check.call(admin(), "POST", "/api/policies", { body: { ...body, condition: { field: "taskDisplayName", op: "is", values: [] } } });
    expect(errorOf(bad).fields).toHaveProperty("condition.values");
    const policy = json<{ id: string }>(await check.call(admin(), "POST", "/api/policies", { body }));
    const params = { id: policy.id };
    await check.call(support, "GET", "/api/policies");
    await check.call(support, "GET", "/api/policies/{id}", { params });
    await check.call(admin(), "PUT", "/api/policies/{id}", { params, body: { ...body, severity: "medium" } });

    // A stored page with a row the policy matched, decided as the sync decides it.
    const { connector } = await preparedConnector(bff, sim, "acme_sandbox");
    const row = activityRow(90, { key: "docproxy", taskDisplayName: "Start Proxy", systemAccount: "admin" });
    const record = await bff.store.getConnector(connector.id);
    if (!record) throw new Error("connector vanished");
    const policies = createPolicyMatcher({ store: bff.store, log: pino({ level: "silent" }) });
    expect((await alertSession({ store: bff.store, policies, now: () => new Date() }, record).storePage([row], {})).raised).toHaveLength(1);

    const list = json<{ alerts: { id: string }[] }>(await check.call(support, "GET", "/api/alerts", { query: { policyId: policy.id, status: "open" } }));
    const alert = { id: list.alerts[0]?.id ?? "" };
    await check.call(support, "GET", "/api/alerts/{id}", { params: alert });
    await check.call(admin(), "POST", "/api/alerts/{id}/status", { params: alert, body: { status: "dismissed", note: "Planned test of proxy." } });
    expect((await check.call(admin(), "POST", "/api/alerts/{id}/status", { params: alert, body: { status: "dismissed", note: "again" } })).status).toBe(409);
    await check.call(admin(), "POST", "/api/alerts/{id}/status", { params: alert, body: { status: "open" } });
    const bulk = { filter: { policyId: policy.id }, from: "open", status: "dismissed", note: "Known proxy tests.", count: 1 };
    expect((await check.call(admin(), "POST", "/api/alerts/bulk-status", { body: { ...bulk, count: 7 } })).status).toBe(409);
    await check.call(admin(), "POST", "/api/alerts/bulk-status", { body: bulk });
    expect((await check.call(admin(), "POST", "/api/alerts/bulk-status", { body: { ...bulk, status: "open" } })).status).toBe(400);
    expect((await check.call(support, "GET", "/api/alerts/{id}", { params: { id: "al_none" } })).status).toBe(404);
    expect((await check.call(admin(), "DELETE", "/api/policies/{id}", { params })).status).toBe(204);
    expect((await check.call(support, "GET", "/api/policies/{id}", { params })).status).toBe(404);
  });

  it("when an admin hands a connector off and the Workday administrator completes it through the link, then each answer is as documented", async () => {
    const { bff, sim } = stack;
    const c = connectorResponseSchema.parse((await admin().post(routes.connectors, { name: `Doc hand-off ${Math.random()}` })).json()).connector;
    const params = { id: c.id };
    await check.call(admin(), "GET", "/api/connectors/{id}/handoff-links", { params });
    const spare = handoffLinkCreatedResponseSchema.parse(
      (await check.call(admin(), "POST", "/api/connectors/{id}/handoff-links", { params, body: { expiresInHours: 1 } })).json(),
    );
    await check.call(admin(), "DELETE", "/api/connectors/{id}/handoff-links/{linkId}", { params: { ...params, linkId: spare.link.id } });
    expect((await check.call(admin(), "DELETE", "/api/connectors/{id}/handoff-links/{linkId}", { params: { ...params, linkId: spare.link.id } })).status).toBe(
      409,
    );
    const revoked = { authorization: `Handoff ${new URL(spare.url).hash.slice(1)}` };
    expect((await check.call(anonymous, "GET", "/api/handoff", { headers: revoked })).status).toBe(410);
    expect((await check.call(anonymous, "GET", "/api/handoff")).status).toBe(401);

    const created = handoffLinkCreatedResponseSchema.parse((await admin().post(routes.connectorHandoffLinks(c.id), {})).json());
    const link = { authorization: `Handoff ${new URL(created.url).hash.slice(1)}` };
    const wd = stack.bff.newClient();
    await check.call(wd, "GET", "/api/handoff", { headers: link });
    const reg = await registerClient(sim, "acme", c.redirectUri);
    const invalid = await check.call(wd, "PUT", "/api/handoff/connectors/{id}/details", {
      params,
      headers: link,
      body: { ...reg, tokenEndpoint: "not a url" },
    });
    expect(errorOf(invalid).fields).toHaveProperty("tokenEndpoint");
    await check.call(wd, "PUT", "/api/handoff/connectors/{id}/details", { params, headers: link, body: { ...reg, samlSso: false } });
    expect((await check.call(wd, "POST", "/api/handoff/connectors/{id}/checks", { params, headers: link })).status).toBe(403);
    const start = await check.call(wd, "POST", "/api/handoff/connectors/{id}/consent", { params, headers: link, body: { mode: "redirect" } });
    const { redirectedTo } = await consentInWorkday(startConsentResponseSchema.parse(start.json()).authorizationUrl, { decision: "Allow" });
    const back = await check.call(wd, "GET", "/api/oauth/connect/{id}", { params, query: Object.fromEntries(new URL(redirectedTo).searchParams) });
    const ticket = (back.headers.get("location") ?? "").split("#result=")[1] ?? "";
    const results = { authorization: `Handoff-Result ${ticket}` };
    await check.call(wd, "GET", "/api/handoff", { headers: results });
    await check.call(wd, "POST", "/api/handoff/connectors/{id}/checks", { params, headers: { ...results, accept: "application/x-ndjson" } });
    expect((await check.call(wd, "GET", "/api/handoff", { headers: link })).status).toBe(410);
    expect(bff.logs.join("\n")).not.toContain('"level":50');
  }, 60_000);

  it("when an admin manages API tokens and a script uses one, then each answer is as documented", async () => {
    await check.call(admin(), "GET", "/api/api-tokens");
    const nameless = await check.call(admin(), "POST", "/api/api-tokens", { body: { name: "", role: "support" } });
    expect(errorOf(nameless).fields).toHaveProperty("name");
    const created = apiTokenCreatedResponseSchema.parse(
      (await check.call(admin(), "POST", "/api/api-tokens", { body: { name: "Doc script", role: "admin" } })).json(),
    );
    const script = new Client(stack.bff.url, created.secret);
    await check.call(script, "GET", "/api/connectors");
    await check.call(script, "POST", "/api/notifications/channels", {
      body: { kind: "email", name: "Doc script channel", recipients: ["soc@example.com"], events: ["consent.completed"] },
    });
    expect(errorOf(await check.call(script, "POST", "/api/users", { body: {} })).code).toBe("forbidden");
    expect((await check.call(script, "GET", "/api/session")).status).toBe(403);
    expect((await check.call(script, "GET", "/api/api-tokens")).status).toBe(403);
    expect((await check.call(new Client(stack.bff.url, `wct_${"A".repeat(43)}`), "GET", "/api/connectors")).status).toBe(401);
    const params = { id: created.token.id };
    await check.call(admin(), "DELETE", "/api/api-tokens/{id}", { params });
    expect((await check.call(admin(), "DELETE", "/api/api-tokens/{id}", { params })).status).toBe(409);
    expect((await check.call(admin(), "DELETE", "/api/api-tokens/{id}", { params: { id: "no-such-token" } })).status).toBe(404);
    expect((await check.call(script, "GET", "/api/connectors")).status).toBe(401);
  });

  // Reads what the tests above called, so it runs last and with them.
  it("when every test above ran, then every documented operation was called and the errors included 400, 401, 403, 404, 409 and 410", () => {
    const called = check.calledOperations();
    expect(documentedOperations().filter((op) => !called.has(op))).toEqual([]);
    const errors = [...check.answered].map((a) => a.split(" ")[2]).filter((s) => Number(s) >= 400);
    expect(new Set(errors)).toEqual(new Set(["400", "401", "403", "404", "409", "410"]));
  });
});

function activityRow(i: number, over: Partial<StoredActivityRow> = {}): StoredActivityRow {
  return {
    key: `doc${i}`,
    requestTime: new Date(Date.now() - i * 60_000).toISOString(),
    systemAccount: "lmartin",
    taskId: `task${i}`,
    taskDisplayName: "View Worker",
    activityAction: "READ",
    ipAddress: "198.51.100.7",
    userAgent: "Mozilla/5.0",
    deviceType: "Desktop",
    sessionId: `s${i}`,
    targetId: null,
    targetDescriptor: null,
    targetHref: null,
    ...over,
  };
}
