import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkStreamLineSchema,
  connectorDetailResponseSchema,
  handoffLinkResponseSchema,
  handoffLinksResponseSchema,
  handoffViewResponseSchema,
  routes,
} from "@wc/contracts";
import { transcript } from "./harness";
import { connect, consentInWorkday, preparedConnector, registerClient, startStack, type RegisteredClient } from "./sim-fixture";
import { createHandoffLink, draftConnector, handoffBrowser } from "./handoff-fixture";
import { hashSecret } from "../src/handoff/handoff-links";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  // Every test client is 127.0.0.1: the per-address limit has its own test (handoff-scope.test.ts).
  stack = await startStack({ handoffPerMinute: 10_000 });
});
afterAll(async () => {
  await stack.close();
});

const listLinks = async (id: string) => handoffLinksResponseSchema.parse((await stack.bff.client.get(routes.connectorHandoffLinks(id))).json()).links;
const auditOf = async (id: string) =>
  (await stack.bff.store.listAudit({ targetId: id, limit: 500 })).filter((e) => e.action.startsWith("connector.")).reverse();
const errorOf = (res: { json: <T>() => T }) => res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>().error;
const detailsBody = (reg: RegisteredClient) => ({
  clientId: reg.clientId,
  clientSecret: reg.clientSecret,
  restApiEndpoint: reg.restApiEndpoint,
  tokenEndpoint: reg.tokenEndpoint,
  authorizationEndpoint: reg.authorizationEndpoint,
  samlSso: false,
});

describe("hand-off links: the admin's side", () => {
  it("when an admin creates a link for a draft, then the URL carries a 256-bit token in its fragment, it lasts 24 h and the audit log says so", async () => {
    const { bff } = stack;
    const c = await draftConnector(bff);
    const { url, link, token } = await createHandoffLink(bff.client, c.id);
    expect(url).toBe(`${bff.url}/handoff#${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(24 * 3_600_000);
    expect(link).toMatchObject({ state: "active", createdBy: "Ada Admin", usedAt: null, lastStep: null });
    expect(await listLinks(c.id)).toEqual([link]);
    const [entry] = (await auditOf(c.id)).filter((e) => e.action === "connector.handoff_link_created");
    expect(entry).toMatchObject({ actorName: "Ada Admin", after: { linkId: link.id, expiresAt: link.expiresAt, expiresInHours: 24 } });
  });

  it("when the link is stored, then only the SHA-256 of its token is kept: the token is in no record, list, audit entry or log line", async () => {
    const { bff } = stack;
    const c = await draftConnector(bff);
    const { token, link } = await createHandoffLink(bff.client, c.id, { expiresInHours: 3 });
    const stored = await bff.store.getHandoffLink(link.id);
    expect(stored?.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await listLinks(c.id))).not.toContain(token);
    expect(JSON.stringify(await bff.store.listAudit({ limit: 500 }))).not.toContain(token);
    expect(bff.logs.join("\n")).not.toContain(token);
  });

  it.each([
    [{ expiresInHours: 169 }, "at most 7 days"],
    [{ expiresInHours: 0 }, "at least 1 hour"],
    [{ expiresInHours: 2.5 }, "whole number of hours"],
    [{ expiresInHours: "24" }, "number of hours"],
  ])("when the expiry is %j, then 400 says how to fix it", async (body, message) => {
    const c = await draftConnector(stack.bff);
    const res = await stack.bff.client.post(routes.connectorHandoffLinks(c.id), body);
    expect(res.status).toBe(400);
    expect(errorOf(res).fields?.expiresInHours).toContain(message);
    expect(await listLinks(c.id)).toEqual([]);
  });

  it("when 7 days is asked for, then the link lasts exactly 7 days", async () => {
    const c = await draftConnector(stack.bff);
    const { link } = await createHandoffLink(stack.bff.client, c.id, { expiresInHours: 168 });
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(7 * 24 * 3_600_000);
  });

  it("when the connector is already connected, then no link is created and 409 says why", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    await connect(bff.client, connector.id);
    const res = await bff.client.post(routes.connectorHandoffLinks(connector.id), {});
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toContain("does not need consent");
    expect(await listLinks(connector.id)).toEqual([]);
  });

  it("when an admin revokes a link, then it opens nothing, cannot be revoked twice, and the audit log says who", async () => {
    const { bff } = stack;
    const c = await draftConnector(bff);
    const { link, token } = await createHandoffLink(bff.client, c.id);
    const res = await bff.client.delete(routes.connectorHandoffLink(c.id, link.id));
    expect(res.status).toBe(200);
    expect(handoffLinkResponseSchema.parse(res.json()).link).toMatchObject({ state: "revoked", revokedBy: "Ada Admin" });
    const opened = await handoffBrowser(bff, token).get(routes.handoff);
    expect(opened.status).toBe(410);
    expect(errorOf(opened).message).toContain("revoked");
    expect((await bff.client.delete(routes.connectorHandoffLink(c.id, link.id))).status).toBe(409);
    expect((await auditOf(c.id)).filter((e) => e.action === "connector.handoff_link_revoked")).toEqual([
      expect.objectContaining({ actorName: "Ada Admin", after: expect.objectContaining({ linkId: link.id }) }),
    ]);
  });

  it("when a link of another connector is revoked through this one, then 404 and it stays active", async () => {
    const { bff } = stack;
    const a = await draftConnector(bff);
    const b = await draftConnector(bff);
    const { link } = await createHandoffLink(bff.client, a.id);
    expect((await bff.client.delete(routes.connectorHandoffLink(b.id, link.id))).status).toBe(404);
    expect((await listLinks(a.id))[0]?.state).toBe("active");
  });

  it("when an expired link is opened twice, then both get 410 'expired', the list says expired and the audit log records the expiry once", async () => {
    const { bff } = stack;
    const c = await draftConnector(bff);
    const { token } = await createHandoffLink(bff.client, c.id, { expiresInHours: 1 });
    bff.clock.now = new Date(Date.now() + 3_600_000 + 1000);
    try {
      for (let i = 0; i < 2; i++) {
        const res = await handoffBrowser(bff, token).get(routes.handoff);
        expect(res.status).toBe(410);
        expect(errorOf(res).message).toMatch(/^This hand-off link expired on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\. Ask the console admin/);
      }
      expect((await listLinks(c.id))[0]?.state).toBe("expired");
      expect((await auditOf(c.id)).filter((e) => e.action === "connector.handoff_link_expired")).toHaveLength(1);
    } finally {
      bff.clock.now = null;
    }
  });
});

describe("hand-off links: the Workday administrator's journey", () => {
  it("when the Workday administrator saves the details, consents and reads the checks, then the connector is Connected and the link is spent", async () => {
    const { bff, sim } = stack;
    const c = await draftConnector(bff);
    const { token, link } = await createHandoffLink(bff.client, c.id);
    const from = transcript.length;
    const wd = handoffBrowser(bff, token);

    const view = handoffViewResponseSchema.parse((await wd.get(routes.handoff)).json());
    expect(view).toMatchObject({
      phase: "setup",
      expiresAt: link.expiresAt,
      connector: { id: c.id, name: c.name, redirectUri: `${bff.url}/api/oauth/connect/${c.id}` },
    });
    const reg = await registerClient(sim, "acme", view.connector.redirectUri);
    const saved = await wd.put(routes.handoffDetails(c.id), detailsBody(reg));
    expect(saved.status).toBe(200);
    expect(handoffViewResponseSchema.parse(saved.json()).connector).toMatchObject({ clientSecretSet: true, status: "pending_authorization" });

    const start = await wd.post(routes.handoffConsent(c.id), { mode: "redirect" });
    expect(start.status).toBe(200);
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
    const callback = new URL(redirectedTo);
    // The callback is a navigation: no Authorization header and, here, no session either.
    const back = await wd.client.get(callback.pathname + callback.search);
    expect(back.status).toBe(303);
    const location = back.headers.get("location") ?? "";
    expect(location).toMatch(new RegExp(`^/handoff/complete\\?connector=${c.id}&outcome=success#result=[A-Za-z0-9_-]{43}$`));
    const ticket = location.split("#result=")[1] ?? "";

    const detail = connectorDetailResponseSchema.parse((await bff.client.get(routes.connector(c.id))).json());
    expect(detail.connector).toMatchObject({ status: "connected", consentGrantedBy: `hand-off link ${link.id.slice(0, 8)} (sent by Ada Admin)` });

    // Spent: the link opens nothing any more, whatever the route.
    const again = await wd.get(routes.handoff);
    expect(again.status).toBe(410);
    expect(errorOf(again).message).toMatch(/^This hand-off link has already been used/);
    expect((await wd.post(routes.handoffConsent(c.id), { mode: "popup" })).status).toBe(410);

    // The results ticket opens the view and the checks, and nothing else.
    const results = handoffBrowser(bff, ticket, "Handoff-Result");
    expect(handoffViewResponseSchema.parse((await results.get(routes.handoff)).json()).phase).toBe("results");
    const checks = await results.post(routes.handoffChecks(c.id), {}, { accept: "application/x-ndjson" });
    expect(checks.status).toBe(200);
    const lines = checks.text
      .trim()
      .split("\n")
      .map((l) => checkStreamLineSchema.parse(JSON.parse(l)));
    expect(lines.filter((l) => l.type === "check").map((l) => l.type === "check" && l.check.ok)).toEqual([true, true, true, true]);
    expect(lines.at(-1)).toMatchObject({ type: "done", connector: { status: "connected" } });
    expect((await results.put(routes.handoffDetails(c.id), detailsBody(reg))).status).toBe(410);

    expect((await listLinks(c.id))[0]).toMatchObject({ state: "used", lastStep: "consent_completed", lastIp: "127.0.0.1" });
    const actions = (await auditOf(c.id)).map((e) => [e.action, e.actorName]);
    const actor = `hand-off link ${link.id.slice(0, 8)} (sent by Ada Admin)`;
    expect(actions).toEqual([
      ["connector.created", "Ada Admin"],
      ["connector.handoff_link_created", "Ada Admin"],
      ["connector.details_saved", actor],
      ["connector.consent_started", actor],
      ["connector.handoff_link_used", actor],
      ["connector.consent_succeeded", actor],
      ["connector.checks_run", actor],
    ]);

    // Secrets: the client secret in no answer or log line; the token and the ticket in no log line.
    const said = transcript.slice(from).join("\n");
    expect(said).not.toContain(reg.clientSecret);
    expect(said).not.toContain(token);
    const logs = bff.logs.join("\n");
    for (const secret of [reg.clientSecret, token, ticket]) expect(logs).not.toContain(secret);
  });

  it("when the Workday administrator denies consent, then the page hears why and the link stays usable for another try", async () => {
    const { bff, sim } = stack;
    const c = await draftConnector(bff);
    const { token } = await createHandoffLink(bff.client, c.id);
    const wd = handoffBrowser(bff, token);
    const reg = await registerClient(sim, "acme", c.redirectUri);
    await wd.put(routes.handoffDetails(c.id), detailsBody(reg));
    const start = await wd.post(routes.handoffConsent(c.id), { mode: "popup" });
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Deny" });
    const callback = new URL(redirectedTo);
    const back = await wd.client.get(callback.pathname + callback.search);
    expect(back.headers.get("location")).toMatch(new RegExp(`^/handoff/complete\\?connector=${c.id}&outcome=error&reason=[a-z_]+$`));
    const view = handoffViewResponseSchema.parse((await wd.get(routes.handoff)).json());
    expect(view.connector.lastConsent).toMatchObject({ outcome: "error" });
    expect((await listLinks(c.id))[0]).toMatchObject({ state: "active", usedAt: null });
    expect((await wd.post(routes.handoffConsent(c.id), { mode: "popup" })).status).toBe(200);
  });

  it("when the link is revoked while Workday has the administrator, then the callback is refused and the connector gets no tokens", async () => {
    const { bff, sim } = stack;
    const c = await draftConnector(bff);
    const { token, link } = await createHandoffLink(bff.client, c.id);
    const wd = handoffBrowser(bff, token);
    await wd.put(routes.handoffDetails(c.id), detailsBody(await registerClient(sim, "acme", c.redirectUri)));
    const start = await wd.post(routes.handoffConsent(c.id), { mode: "popup" });
    const { redirectedTo } = await consentInWorkday(start.json<{ authorizationUrl: string }>().authorizationUrl, { decision: "Allow" });
    await bff.client.delete(routes.connectorHandoffLink(c.id, link.id));
    const callback = new URL(redirectedTo);
    const back = await wd.client.get(callback.pathname + callback.search);
    expect(back.headers.get("location")).toBe(`/handoff/complete?connector=${c.id}&outcome=refused`);
    const stored = await bff.store.getConnector(c.id);
    expect(stored).toMatchObject({ status: "pending_authorization", refreshTokenEnc: null, lastConsent: null });
  });

  it("when an admin connected the connector meanwhile, then the link can no longer change its details", async () => {
    const { bff, sim } = stack;
    const { connector, reg } = await preparedConnector(bff, sim);
    const { token } = await createHandoffLink(bff.client, connector.id);
    await connect(bff.client, connector.id);
    const res = await handoffBrowser(bff, token).put(routes.handoffDetails(connector.id), detailsBody(reg));
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toContain("does not need consent");
  });

  it("when the details sent through the link are wrong, then 400 names the field, as in the wizard", async () => {
    const c = await draftConnector(stack.bff);
    const { token } = await createHandoffLink(stack.bff.client, c.id);
    const res = await handoffBrowser(stack.bff, token).put(routes.handoffDetails(c.id), { clientId: "" });
    expect(res.status).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {})).toEqual(expect.arrayContaining(["clientId", "tokenEndpoint"]));
  });
});
