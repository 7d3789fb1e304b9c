import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, routes, type Connector } from "@wc/contracts";
import { secretAad } from "../src/workday/secrets";
import { ACCOUNTS, transcript } from "./harness";
import { connect, consentInWorkday, deliveredCodes, preparedConnector, simApi, startStack } from "./sim-fixture";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack({ outboundTimeoutMs: 1000 });
});
afterAll(async () => {
  await stack.close();
});

const read = async (id: string) => connectorDetailResponseSchema.parse((await stack.bff.client.get(routes.connector(id))).json());
const lastConsent = async (id: string): Promise<Connector["lastConsent"]> => (await read(id)).connector.lastConsent;

describe("consent: the happy path", () => {
  it("when the admin allows in Workday, then the code is exchanged, tokens stored encrypted and the connector is Connected", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const { authorizationUrl, res } = await connect(bff.client, connector.id);

    const auth = new URL(authorizationUrl);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("redirect_uri")).toBe(`${bff.url}/api/oauth/connect/${connector.id}`);
    expect(auth.searchParams.get("state")?.length).toBeGreaterThanOrEqual(22);
    expect(auth.searchParams.has("scope")).toBe(false);

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/oauth/complete?connector=${connector.id}`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    // Every hop of the pop-up's way back must let it keep its opener (COOP applies to redirects too).
    expect(res.headers.get("cross-origin-opener-policy")).toBe("unsafe-none");

    const detail = await read(connector.id);
    expect(detail.connector).toMatchObject({ status: "connected", reasonCode: null, wizardStep: "done", consentGrantedBy: "Ada Admin" });
    expect(detail.connector.lastConsent).toMatchObject({ outcome: "success" });
    expect(detail.timeline.at(-1)).toMatchObject({ from: "pending_authorization", to: "connected" });

    const stored = await bff.store.getConnector(connector.id);
    expect(stored?.refreshTokenEnc).toMatch(/^v1\./);
    expect(stored?.accessTokenEnc).toMatch(/^v1\./);
  });

  it("when the stored refresh token is decrypted, then Workday accepts it for a refresh (it is the real one)", async () => {
    const { bff, sim } = stack;
    const { connector, reg } = await preparedConnector(bff, sim);
    await connect(bff.client, connector.id);
    const stored = await bff.store.getConnector(connector.id);
    const refreshToken = bff.keyring.decrypt(stored?.refreshTokenEnc ?? "", secretAad(connector.id, "refreshToken"));
    const res = await fetch(reg.tokenEndpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${reg.clientId}:${reg.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
    });
    expect(res.status).toBe(200);
    expect(bff.keyring.decrypt(stored?.clientSecretEnc ?? "", secretAad(connector.id, "clientSecret"))).toBe(reg.clientSecret);
  });
});

describe("consent: state handling", () => {
  it("when the same callback is delivered twice, then the second is refused without a second token request", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const { callbackUrl } = await connect(bff.client, connector.id);
    const before = await simApi<{ total?: number; requests?: unknown[] }>(sim, "GET", "/token-log");
    const consentBefore = await lastConsent(connector.id);
    const again = await bff.client.get(callbackUrl.pathname + callbackUrl.search);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`/oauth/complete?connector=${connector.id}&refused=state`);
    expect(await lastConsent(connector.id)).toEqual(consentBefore);
    expect(await simApi(sim, "GET", "/token-log")).toEqual(before);
    expect((await read(connector.id)).connector.status).toBe("connected");
  });

  it("when the callback arrives in another browser session, then it is refused and the connector is unchanged", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const start = await bff.client.post(routes.connectorConsent(connector.id), { mode: "popup" });
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
    const cb = new URL(redirectedTo);
    await (await bff.signedIn("admin")).get(cb.pathname + cb.search);
    expect(await lastConsent(connector.id)).toBeNull();
    expect((await read(connector.id)).connector.status).toBe("pending_authorization");
  });

  it("when a state issued for one connector arrives at another connector's callback, then it is refused and neither changes", async () => {
    const { bff, sim } = stack;
    const a = await preparedConnector(bff, sim);
    const b = await preparedConnector(bff, sim);
    const start = await bff.client.post(routes.connectorConsent(a.connector.id), { mode: "popup" });
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
    const cb = new URL(redirectedTo);
    await bff.client.get(routes.oauthCallback(b.connector.id) + cb.search);
    expect(await lastConsent(b.connector.id)).toBeNull();
    expect(await lastConsent(a.connector.id)).toBeNull();
    expect((await read(b.connector.id)).connector.status).toBe("pending_authorization");
    expect((await read(a.connector.id)).connector.status).toBe("pending_authorization");
  });

  it("when more than 10 minutes pass before the callback, then the state has expired and nothing is recorded", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const start = await bff.client.post(routes.connectorConsent(connector.id), { mode: "redirect" });
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
    bff.clock.now = new Date(Date.now() + 10 * 60 * 1000 + 1000);
    try {
      const cb = new URL(redirectedTo);
      const res = await bff.client.get(cb.pathname + cb.search);
      expect(res.headers.get("location")).toContain("&refused=state");
      expect(await lastConsent(connector.id)).toBeNull();
      expect((await read(connector.id)).connector.status).toBe("pending_authorization");
    } finally {
      bff.clock.now = null;
    }
  });

  it("when the callback has no state at all, then it is refused and nothing changes", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const res = await bff.client.get(`${routes.oauthCallback(connector.id)}?code=abc`);
    expect(res.status).toBe(303);
    expect(await lastConsent(connector.id)).toBeNull();
  });

  it("when a forged state arrives without a session, then no connector, timeline or audit entry changes and the refusal is logged", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const before = await bff.store.getConnector(connector.id);
    const timeline = await bff.store.listTimeline(connector.id);
    const audits = (await bff.store.listAudit({ targetId: connector.id, limit: 500 })).length;
    const logsBefore = bff.logs.length;
    const res = await bff.newClient().get(`${routes.oauthCallback(connector.id)}?code=forged&state=${"x".repeat(43)}`);
    expect(res.status).toBe(303);
    expect(await bff.store.getConnector(connector.id)).toEqual(before);
    expect(await bff.store.listTimeline(connector.id)).toEqual(timeline);
    expect((await bff.store.listAudit({ targetId: connector.id, limit: 500 })).length).toBe(audits);
    const refusals = bff.logs.slice(logsBefore).filter((l) => l.includes("consent callback refused"));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('"why":"unknown_state"');
  });

  it("when the callback names an unknown connector, then 404 in the error shape", async () => {
    const res = await stack.bff.client.get(`${routes.oauthCallback("nope")}?code=a&state=b`);
    expect(res.status).toBe(404);
  });
});

describe("consent: failures explained", () => {
  it("when the admin selects Deny, then consent_denied and the connector still waits for consent", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    await connect(bff.client, connector.id, { decision: "Deny" });
    expect(await lastConsent(connector.id)).toMatchObject({ outcome: "error", reasonCode: "consent_denied", detail: expect.stringContaining("access_denied") });
    expect((await read(connector.id)).connector.status).toBe("pending_authorization");
  });

  it("when the client secret is wrong, then invalid_client (pointing at Client Secret) and no token is stored", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim, "acme", { secret: "definitely-not-the-secret" });
    await connect(bff.client, connector.id);
    expect(await lastConsent(connector.id)).toMatchObject({ reasonCode: "invalid_client", detail: expect.stringContaining("401") });
    const stored = await bff.store.getConnector(connector.id);
    expect(stored?.refreshTokenEnc).toBeNull();
    expect(stored?.status).toBe("pending_authorization");
  });

  it("when the account is disabled between Allow and the exchange, then invalid_grant", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const start = await bff.client.post(routes.connectorConsent(connector.id), { mode: "popup" });
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
    await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    try {
      const cb = new URL(redirectedTo);
      await bff.client.get(cb.pathname + cb.search);
      expect(await lastConsent(connector.id)).toMatchObject({ reasonCode: "invalid_grant", detail: expect.stringContaining("invalid_grant") });
    } finally {
      await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
    }
  });

  it.each([
    { label: "answers 503", fault: { kind: "status", status: 503 }, reason: "token_endpoint_unavailable" },
    { label: "resets the connection", fault: { kind: "reset" }, reason: "token_endpoint_unavailable" },
    { label: "is slower than the timeout", fault: { kind: "latency", latencyMs: 2500 }, reason: "token_endpoint_unavailable" },
    { label: "answers garbage", fault: { kind: "malformed" }, reason: "token_endpoint_malformed" },
  ])("when the token endpoint $label, then the reason is $reason and a retry works", async ({ fault, reason }) => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    await simApi(sim, "POST", "/faults", { route: "token", count: 1, ...fault });
    await connect(bff.client, connector.id);
    expect(await lastConsent(connector.id)).toMatchObject({ outcome: "error", reasonCode: reason });
    expect((await bff.store.getConnector(connector.id))?.refreshTokenEnc).toBeNull();
    await simApi(sim, "DELETE", "/faults");
    await connect(bff.client, connector.id);
    expect((await read(connector.id)).connector.status).toBe("connected");
  });
});

describe("consent: SAML SSO tenants", () => {
  it("when SAML SSO is not ticked, then Workday sends the browser to the company sign-in page and never back", async () => {
    const { bff, sim } = stack;
    await simApi(sim, "PATCH", "/tenants/acme/settings", { samlSso: true });
    try {
      const { connector } = await preparedConnector(bff, sim);
      const start = await bff.client.post(routes.connectorConsent(connector.id), { mode: "popup" });
      const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
      expect(redirectedTo).toContain("/_sim/idp/");
      const ticked = await preparedConnector(bff, sim, "acme", { samlSso: true });
      const { authorizationUrl } = await connect(bff.client, ticked.connector.id);
      expect(new URL(authorizationUrl).searchParams.getAll("redirect")).toEqual(["n"]);
      expect((await read(ticked.connector.id)).connector.status).toBe("connected");
    } finally {
      await simApi(sim, "PATCH", "/tenants/acme/settings", { samlSso: false });
    }
  });
});

describe("consent: preconditions", () => {
  it("when details are not saved yet, then starting consent is refused with a message that says what to do", async () => {
    const { bff } = stack;
    const draft = await bff.client.post(routes.connectors, { name: "No details yet" });
    const id = draft.json<{ connector: { id: string } }>().connector.id;
    const res = await bff.client.post(routes.connectorConsent(id), { mode: "popup" });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: "not_ready", message: expect.stringMatching(/Enter the client details/) } });
  });

  it("when the mode is unknown, then 400 on mode", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const res = await bff.client.post(routes.connectorConsent(connector.id), { mode: "iframe" });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { mode: expect.any(String) } } });
  });
});

describe("secret-leak scan (runs last)", () => {
  it("when every response and log line of this file is scanned, then no client secret, token, code, key or password appears", async () => {
    const { bff } = stack;
    const secrets = new Set<string>();
    for (const c of await bff.store.listConnectors()) {
      if (c.clientSecretEnc) secrets.add(bff.keyring.decrypt(c.clientSecretEnc, secretAad(c.id, "clientSecret")));
      if (c.refreshTokenEnc) secrets.add(bff.keyring.decrypt(c.refreshTokenEnc, secretAad(c.id, "refreshToken")));
      if (c.accessTokenEnc) secrets.add(bff.keyring.decrypt(c.accessTokenEnc, secretAad(c.id, "accessToken")));
    }
    for (const code of deliveredCodes) secrets.add(code);
    for (const enc of ["base64", "base64url", "hex"] as const) secrets.add(bff.encryptionKey.toString(enc));
    secrets.add(ACCOUNTS.admin.password);
    expect(secrets.size).toBeGreaterThan(10);
    const haystack = [...transcript, ...bff.logs].join("\n");
    expect(haystack.length).toBeGreaterThan(1000);
    for (const s of secrets) expect(haystack.includes(s), `a secret of length ${s.length} leaked`).toBe(false);
  });
});
