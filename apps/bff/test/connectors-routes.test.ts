import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, connectorResponseSchema, listConnectorsResponseSchema, routes, startConsentResponseSchema } from "@wc/contracts";
import { buildAuthorizationRequest, workdayConfiguration } from "../src/workday/workday-client";
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

  it.each([
    ["NUL", "Acme\u0000prod", /control character U\+0000 \(NUL\) at position 5/],
    ["a C1 control", "Acme\u009Fprod", /control character U\+009F/],
    ["a bidi override", "Acme\u202Dprod", /text-direction character U\+202D/],
    ["a bidi isolate", "Acme\u2068prod", /text-direction character U\+2068/],
    ["a zero-width space", "Acme\u200Bprod", /invisible character U\+200B \(zero-width space\) at position 5/],
    ["a byte order mark inside", "Acme\uFEFFprod", /invisible character U\+FEFF/],
    ["a lone surrogate", "Acme\uD800prod", /broken character .*U\+D800/],
  ])("when the name holds %s, then 400 names it on the name field and no connector is created", async (_label, name, message) => {
    const res = await h.client.post(routes.connectors, { name });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "validation_failed", fields: { name: expect.stringMatching(message) } } });
    expect(listConnectorsResponseSchema.parse((await h.client.get(routes.connectors)).json()).connectors).toEqual([]);
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
  it("when connectors exist, then the list shows each one without any secret field, by name, with the counts", async () => {
    await create("Two");
    await create("One");
    const res = await h.client.get(routes.connectors);
    const page = listConnectorsResponseSchema.parse(res.json());
    expect(page.connectors.map((c) => c.name)).toEqual(["One", "Two"]);
    expect(page).toMatchObject({ nextCursor: null, prevCursor: null, total: 2, counts: { pending_configuration: 2, connected: 0 } });
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

describe("PATCH /api/connectors/:id/wizard: the Workday address", () => {
  const reload = async (id: string) => connectorDetailResponseSchema.parse((await (await h.signedIn()).get(routes.connector(id))).json()).connector;

  it("when a Workday page's address is saved, then the connector keeps its site and tenant, and the audit log the change", async () => {
    const c = await create("Acme");
    expect(c.workdayAddress).toBeNull();
    const res = await h.client.patch(routes.connectorWizard(c.id), { workdayAddress: " https://impl.workday.com/acme_impl/d/home.htmld " });
    expect(res.status).toBe(200);
    expect((await reload(c.id)).workdayAddress).toBe("https://impl.workday.com/acme_impl");
    const audit = await (await h.signedIn()).get(`${routes.audit}?action=connector.wizard_saved`);
    expect(JSON.stringify(audit.json())).toContain("https://impl.workday.com/acme_impl");
  });

  it("when the address is not on a Workday host or is an API address, then 400 says what to fix and nothing is stored", async () => {
    const c = await create("Acme");
    const evil = await h.client.patch(routes.connectorWizard(c.id), { workdayAddress: "https://evil.example/acme", wizardStep: "register" });
    expect(evil.status).toBe(400);
    expect(evil.json()).toMatchObject({ error: { fields: { workdayAddress: expect.stringMatching(/not a Workday host/) } } });
    const api = await h.client.patch(routes.connectorWizard(c.id), { workdayAddress: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl" });
    expect(api.json()).toMatchObject({ error: { fields: { workdayAddress: expect.stringMatching(/API address/) } } });
    const again = await reload(c.id);
    expect(again.workdayAddress).toBeNull();
    expect(again.wizardStep).toBe("prerequisites");
  });

  it("when an empty address is saved, then it is forgotten; and without one, the details' Authorization Endpoint gives it", async () => {
    const c = await create("Acme");
    await h.client.patch(routes.connectorWizard(c.id), { workdayAddress: "impl.workday.com/acme_impl" });
    expect((await h.client.patch(routes.connectorWizard(c.id), { workdayAddress: "" })).status).toBe(200);
    expect((await reload(c.id)).workdayAddress).toBeNull();
    await h.client.put(routes.connectorDetails(c.id), {
      clientId: "client-1",
      clientSecret: "secret-1",
      restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/globex_impl",
      tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/globex_impl/token",
      authorizationEndpoint: "https://impl.workday.com/globex_impl/authorize",
    });
    expect((await reload(c.id)).workdayAddress).toBe("https://impl.workday.com/globex_impl");
  });
});

describe("POST /api/connectors/:id/consent", () => {
  const details = {
    clientId: "client-1",
    clientSecret: "secret-1",
    restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl",
    tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token",
    authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize?redirect=n&lang=de",
  };
  const ready = async () => {
    const c = await create("Acme");
    expect((await h.client.put(routes.connectorDetails(c.id), details)).status).toBe(200);
    return c;
  };

  it("when the endpoint keeps harmless parameters, then the authorize URL keeps them and carries each console parameter once", async () => {
    const c = await ready();
    const res = await h.client.post(routes.connectorConsent(c.id), { mode: "popup" });
    expect(res.status).toBe(200);
    const url = new URL(startConsentResponseSchema.parse(res.json()).authorizationUrl);
    expect(url.searchParams.get("redirect")).toBe("n");
    expect(url.searchParams.get("lang")).toBe("de");
    for (const name of ["client_id", "response_type", "redirect_uri", "state", "code_challenge", "code_challenge_method"]) {
      expect(url.searchParams.getAll(name)).toHaveLength(1);
    }
    expect(url.searchParams.get("redirect_uri")).toBe(c.redirectUri);
  });

  it("when a connector saved before the rule carries state and redirect_uri, then consent start is refused with what to fix, not a 500", async () => {
    const c = await ready();
    await h.store.updateConnector(c.id, {
      authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize?state=old&redirect_uri=https%3A%2F%2Fevil.example",
    });
    const res = await h.client.post(routes.connectorConsent(c.id), { mode: "popup" });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({
      error: {
        code: "not_ready",
        message: expect.stringMatching(/Authorization Endpoint carries state, redirect_uri: correct it in Enter details/),
        fields: { authorizationEndpoint: expect.stringMatching(/must not carry the parameters state, redirect_uri: .*View API Clients/) },
      },
    });
    expect(res.text).not.toContain("evil.example");
  });

  it("when an endpoint carrying request parameters reaches the URL builder anyway, then only the console's own values are sent", async () => {
    const config = workdayConfiguration(
      {
        authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize?state=old&redirect=n&scope=all&redirect_uri=https%3A%2F%2Fevil.example",
        tokenEndpoint: details.tokenEndpoint,
        tenant: "acme_impl",
        samlSso: true,
        clientId: "client-1",
        clientSecret: "secret-1",
        clientAuthMethod: "client_secret_basic",
      },
      () => Promise.reject(new Error("building an authorize URL must not fetch")),
    );
    const req = await buildAuthorizationRequest(config, "https://console.example/api/oauth/connect/c1");
    const url = new URL(req.url);
    expect(url.searchParams.getAll("state")).toEqual([req.state]);
    expect(url.searchParams.getAll("redirect_uri")).toEqual(["https://console.example/api/oauth/connect/c1"]);
    expect(url.searchParams.has("scope")).toBe(false);
    expect(url.searchParams.getAll("redirect")).toEqual(["n"]);
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
