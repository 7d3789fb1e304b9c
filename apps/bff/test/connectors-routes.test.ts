import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, connectorResponseSchema, listConnectorsResponseSchema, routes } from "@wc/contracts";
import { startBff, type Harness } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startBff();
});
afterEach(async () => {
  await h.close();
});

const create = async (name: string) => connectorResponseSchema.parse((await h.client.post(routes.connectors, { name })).json()).connector;

describe("POST /api/connectors", () => {
  it("when a name is given, then a draft is created with its own redirect URI and a timeline entry", async () => {
    const res = await h.client.post(routes.connectors, { name: "  Acme   production " });
    expect(res.status).toBe(201);
    const c = connectorResponseSchema.parse(res.json()).connector;
    expect(c.name).toBe("Acme production");
    expect(c.status).toBe("pending_configuration");
    expect(c.wizardStep).toBe("prerequisites");
    expect(c.redirectUri).toBe(`${h.url}/api/oauth/connect/${c.id}`);
    const detail = connectorDetailResponseSchema.parse((await h.client.get(routes.connector(c.id))).json());
    expect(detail.timeline).toMatchObject([{ from: null, to: "pending_configuration", actor: "Ada Admin" }]);
  });

  it("when the name is taken (any case), then 409 with a message on the name field", async () => {
    await create("Acme");
    const res = await h.client.post(routes.connectors, { name: "ACME" });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: "conflict", fields: { name: expect.stringMatching(/already used/) } } });
  });

  it.each([
    ["empty", { name: "   " }],
    ["too long", { name: "x".repeat(65) }],
    ["not a string", { name: 42 }],
    ["missing", {}],
    ["an unknown field", { name: "ok", admin: true }],
  ])("when the name is %s, then 400 with a field-level message", async (_label, body) => {
    const res = await h.client.post(routes.connectors, body);
    expect(res.status).toBe(400);
    const err = res.json<{ error: { code: string; fields: Record<string, string> } }>().error;
    expect(err.code).toBe("validation_failed");
    expect(Object.values(err.fields).join(" ")).not.toBe("");
  });

  it("when the body is not JSON, then 400 or 415 with a clear message, never a 5xx", async () => {
    const bad = await h.client.send("POST", routes.connectors, "{not json", { "content-type": "application/json" });
    expect(bad.status).toBe(400);
    const form = await h.client.send("POST", routes.connectors, "name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const huge = await h.client.post(routes.connectors, { name: "x".repeat(40_000) });
    expect(huge.status).toBe(413);
  });
});

describe("GET /api/connectors and /api/connectors/:id", () => {
  it("when connectors exist, then the list shows each one without any secret field", async () => {
    await create("One");
    await create("Two");
    const res = await h.client.get(routes.connectors);
    const list = listConnectorsResponseSchema.parse(res.json()).connectors;
    expect(list.map((c) => c.name)).toEqual(["One", "Two"]);
    expect(res.text).not.toMatch(/secretEnc|refreshToken|accessToken/);
  });

  it("when the id is unknown, then 404 in the error shape", async () => {
    const res = await h.client.get(routes.connector("nope"));
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("PATCH /api/connectors/:id/wizard", () => {
  it("when ticks and a step are saved, then they come back on reload", async () => {
    const c = await create("Acme");
    const res = await h.client.patch(routes.connectorWizard(c.id), {
      wizardStep: "tenant_setup",
      prerequisites: { system_auditing: true },
      tenantSetup: { user_activity_logging: true },
    });
    expect(res.status).toBe(200);
    const again = connectorDetailResponseSchema.parse((await (await h.signedIn()).get(routes.connector(c.id))).json()).connector;
    expect(again.wizardStep).toBe("tenant_setup");
    expect(again.prerequisites.system_auditing).toBe(true);
    expect(again.tenantSetup.user_activity_logging).toBe(true);
  });

  it("when an unknown prerequisite key or step is sent, then 400 names the field", async () => {
    const c = await create("Acme");
    const a = await h.client.patch(routes.connectorWizard(c.id), { prerequisites: { made_up: true } });
    expect(a.status).toBe(400);
    expect(a.json()).toMatchObject({ error: { fields: { prerequisites: expect.stringMatching(/made_up/) } } });
    const b = await h.client.patch(routes.connectorWizard(c.id), { wizardStep: "launch" });
    expect(b.status).toBe(400);
    expect(b.json()).toMatchObject({ error: { fields: { wizardStep: expect.any(String) } } });
  });
});

describe("DELETE /api/connectors/:id", () => {
  it("when a draft is discarded, then it is gone and a second delete is 404", async () => {
    const c = await create("Draft");
    expect((await h.client.delete(routes.connector(c.id))).status).toBe(204);
    expect((await h.client.get(routes.connector(c.id))).status).toBe(404);
    expect((await h.client.delete(routes.connector(c.id))).status).toBe(404);
  });
});

describe("CSRF guard", () => {
  it("when a state-changing request lacks the X-CSRF header, then 403 and nothing changes", async () => {
    const res = await h.client.post(routes.connectors, { name: "Sneaky" }, { "x-csrf": "" });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "csrf_rejected" } });
    expect(listConnectorsResponseSchema.parse((await h.client.get(routes.connectors)).json()).connectors).toEqual([]);
  });

  it("when the Origin or Sec-Fetch-Site is foreign, then 403", async () => {
    expect((await h.client.post(routes.connectors, { name: "A" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await h.client.post(routes.connectors, { name: "B" }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await h.client.post(routes.connectors, { name: "C" }, { origin: h.url, "sec-fetch-site": "same-origin" })).status).toBe(201);
  });
});


describe("GET /api/health", () => {
  it("when a probe calls it without a cookie, then it answers ok and creates no session", async () => {
    const res = await h.newClient().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
