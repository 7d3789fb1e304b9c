import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, connectorResponseSchema, routes } from "@wc/contracts";
import { AUTHORIZE_REQUEST_PARAMS } from "@wc/workday";
import { startBff, type Harness } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startBff({ allowedWorkdayHosts: "http://localhost:4999,http://127.0.0.1:4999" });
});
afterEach(async () => {
  await h.close();
});

const SECRET = "sEcReT-value-9f8e7d6c5b4a";
const valid = {
  clientId: "  MzA4ZDNiZWQtY2xpZW50  ",
  clientSecret: SECRET,
  restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl",
  tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token",
  authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize",
  samlSso: false,
};

async function draft() {
  return connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: "Acme" })).json()).connector;
}

describe("PUT /api/connectors/:id/details", () => {
  it("when valid details are saved, then values are trimmed, tenant and environment derived, and the secret is write-only", async () => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), valid);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(SECRET);
    const saved = connectorResponseSchema.parse(res.json()).connector;
    expect(saved).toMatchObject({
      clientId: "MzA4ZDNiZWQtY2xpZW50",
      tenant: "acme_impl",
      environment: "sandbox",
      environmentSource: "detected",
      clientSecretSet: true,
      clientSecretHint: SECRET.slice(-4),
      status: "pending_authorization",
      wizardStep: "connect",
    });
    const stored = await h.store.getConnector(c.id);
    expect(stored?.clientSecretEnc).toBeTruthy();
    expect(stored?.clientSecretEnc).not.toContain(SECRET);
    const detail = await h.client.get(routes.connector(c.id));
    expect(detail.text).not.toContain(SECRET);
    expect(connectorDetailResponseSchema.parse(detail.json()).timeline.map((t) => t.to)).toEqual(["pending_configuration", "pending_authorization"]);
  });

  it("when SAML SSO is ticked, then the effective authorization URL carries redirect=n once", async () => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), {
      ...valid,
      samlSso: true,
      authorizationEndpoint: valid.authorizationEndpoint + "?redirect=n",
    });
    const saved = connectorResponseSchema.parse(res.json()).connector;
    expect(saved.effectiveAuthorizationUrl).toBe("https://impl.workday.com/acme_impl/authorize?redirect=n");
  });

  it("when the secret is omitted on a later save, then the stored one is kept", async () => {
    const c = await draft();
    await h.client.put(routes.connectorDetails(c.id), valid);
    const before = (await h.store.getConnector(c.id))?.clientSecretEnc;
    const { clientSecret: _omit, ...rest } = valid;
    const res = await h.client.put(routes.connectorDetails(c.id), { ...rest, samlSso: true });
    expect(res.status).toBe(200);
    expect((await h.store.getConnector(c.id))?.clientSecretEnc).toBe(before);
  });

  it("when the secret is omitted and none is stored, then 400 on clientSecret", async () => {
    const c = await draft();
    const { clientSecret: _omit, ...rest } = valid;
    const res = await h.client.put(routes.connectorDetails(c.id), rest);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { clientSecret: expect.stringMatching(/Client Secret is required/) } } });
  });

  it.each([
    ["an http URL on a Workday host", { tokenEndpoint: "http://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token" }, "tokenEndpoint"],
    ["a host outside the allow-list", { restApiEndpoint: "https://evil.example.com/ccx/api/v1/acme_impl" }, "restApiEndpoint"],
    ["credentials in the URL", { authorizationEndpoint: "https://user:pw@impl.workday.com/acme_impl/authorize" }, "authorizationEndpoint"],
    ["a fragment", { tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token#x" }, "tokenEndpoint"],
    ["not a URL", { restApiEndpoint: "wd2-impl-services1" }, "restApiEndpoint"],
    ["an empty client id", { clientId: "   " }, "clientId"],
    ["another tenant in one endpoint", { tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/globex/token" }, "tokenEndpoint"],
    ["a loopback host not explicitly allowed", { tokenEndpoint: "http://127.0.0.1:8080/ccx/oauth2/acme_impl/token" }, "tokenEndpoint"],
    ["samlSso as a string", { samlSso: "yes" }, "samlSso"],
  ])("when the details have %s, then 400 names that field and says how to fix it", async (_l, patch, field) => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), { ...valid, ...patch });
    expect(res.status).toBe(400);
    const fields = res.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields[field]).toEqual(expect.any(String));
    expect(fields[field]?.length).toBeGreaterThan(10);
    expect((await h.store.getConnector(c.id))?.clientId).toBeNull();
  });

  it("when the simulator's http host is explicitly allowed, then its endpoints are accepted", async () => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), {
      ...valid,
      restApiEndpoint: "http://127.0.0.1:4999/ccx/api/v1/acme",
      tokenEndpoint: "http://127.0.0.1:4999/ccx/oauth2/acme/token",
      authorizationEndpoint: "http://localhost:4999/acme/authorize",
    });
    expect(res.status).toBe(200);
    expect(connectorResponseSchema.parse(res.json()).connector).toMatchObject({ tenant: "acme", environment: "production" });
  });

  it("when an admin overrides the environment, then it is kept with its source", async () => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), { ...valid, environmentOverride: "production" });
    expect(connectorResponseSchema.parse(res.json()).connector).toMatchObject({ environment: "production", environmentSource: "override" });
  });

  it.each([
    ["a NUL in the client id", { clientId: "abc\u0000def" }, "clientId", /control character U\+0000 \(NUL\) at position 4/],
    ["a C1 control in the client id", { clientId: "abc\u0085def" }, "clientId", /control character U\+0085/],
    ["a bidi override in the client id", { clientId: "abc\u202Edef" }, "clientId", /text-direction character U\+202E/],
    ["a bidi isolate in the secret", { clientSecret: "sEcReT\u2067value" }, "clientSecret", /text-direction character U\+2067 .* at position 7/],
    [
      "a zero-width space in the secret",
      { clientSecret: "sEcReT\u200Bvalue" },
      "clientSecret",
      /invisible character U\+200B \(zero-width space\) at position 7/,
    ],
    ["a byte order mark inside the secret", { clientSecret: "sEcReT\uFEFFvalue" }, "clientSecret", /invisible character U\+FEFF/],
    ["a lone surrogate in the secret", { clientSecret: "sEcReT\uDC00value" }, "clientSecret", /broken character .*U\+DC00/],
    [
      "a zero-width space in an endpoint host",
      { tokenEndpoint: "https://wd2-impl-services1.workday\u200B.com/ccx/oauth2/acme_impl/token" },
      "tokenEndpoint",
      /invisible character U\+200B/,
    ],
    [
      "a word joiner in the REST endpoint",
      { restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl\u2060" },
      "restApiEndpoint",
      /invisible character U\+2060/,
    ],
  ])("when the details have %s, then 400 names the character on that field and nothing is stored", async (_l, patch, field, message) => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), { ...valid, ...patch });
    expect(res.status).toBe(400);
    const error = res.json<{ error: { code: string; fields: Record<string, string> } }>().error;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields)).toEqual([field]);
    expect(error.fields[field]).toMatch(message);
    expect(res.text).not.toContain("sEcReT");
    expect(await h.store.getConnector(c.id)).toMatchObject({ clientId: null, clientSecretEnc: null, authorizationEndpoint: null });
  });

  it.each(AUTHORIZE_REQUEST_PARAMS)("when the Authorization Endpoint carries %s, then 400 names it on that field and nothing is stored", async (param) => {
    const c = await draft();
    const res = await h.client.put(routes.connectorDetails(c.id), { ...valid, authorizationEndpoint: `${valid.authorizationEndpoint}?redirect=n&${param}=x` });
    expect(res.status).toBe(400);
    const fields = res.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(Object.keys(fields)).toEqual(["authorizationEndpoint"]);
    expect(fields.authorizationEndpoint).toMatch(new RegExp(`must not carry the parameter ${param}: .*View API Clients page shows it`));
    expect((await h.store.getConnector(c.id))?.authorizationEndpoint).toBeNull();
  });

  it("when the Authorization Endpoint carries harmless parameters, then they are stored as pasted", async () => {
    const c = await draft();
    const url = `${valid.authorizationEndpoint}?redirect=n&lang=de`;
    const res = await h.client.put(routes.connectorDetails(c.id), { ...valid, authorizationEndpoint: url });
    expect(res.status).toBe(200);
    expect((await h.store.getConnector(c.id))?.authorizationEndpoint).toBe(url);
  });
});
