import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  apiTokenCreatedResponseSchema,
  apiTokenResponseSchema,
  apiTokensResponseSchema,
  connectorResponseSchema,
  routes,
  sessionResponseSchema,
} from "@wc/contracts";
import { hashApiToken } from "../src/api-tokens";
import { ACCOUNTS, Client, startBff, transcript, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startBff({ apiTokenPerMinute: 5_000 });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.clock.now = null;
});

const DAY_MS = 24 * 3_600_000;
const errorOf = (res: { json: () => unknown }) => apiErrorSchema.parse(res.json()).error;
const listed = async () => apiTokensResponseSchema.parse((await h.client.get(routes.apiTokens)).json()).tokens;
const audited = (action: string, targetId: string) =>
  h.store.listAudit({ action: action as never, limit: 50 }).then((es) => es.filter((e) => e.targetId === targetId));

describe("API token lifecycle", () => {
  it("when an admin creates a token, then it is shown once with the wct_ prefix, listed without it and audited", async () => {
    const res = await h.client.post(routes.apiTokens, { name: "Nightly status check", role: "support" });
    expect(res.status).toBe(201);
    const { token, secret } = apiTokenCreatedResponseSchema.parse(res.json());
    expect(secret).toMatch(/^wct_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: "Nightly status check",
      role: "support",
      state: "active",
      prefix: secret.slice(0, 8),
      createdBy: ACCOUNTS.admin.name,
      lastUsedAt: null,
    });
    // 90 days unless asked otherwise.
    expect(Date.parse(token.expiresAt) - Date.parse(token.createdAt)).toBe(90 * DAY_MS);
    const list = await h.client.get(routes.apiTokens);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(hashApiToken(secret));
    expect(apiTokensResponseSchema.parse(list.json()).tokens.find((t) => t.id === token.id)?.state).toBe("active");
    const [entry] = await audited("api_token.created", token.id);
    expect(entry).toMatchObject({ actorName: ACCOUNTS.admin.name, targetName: "Nightly status check", after: { role: "support", prefix: token.prefix } });
  });

  it("when a token is used, then it acts with its role without cookie or CSRF header, last-used is recorded and its actions name it in the audit log", async () => {
    const { client, id } = await h.withToken("admin", { name: "Provisioning script" });
    const res = await client.post(routes.connectors, { name: "Made by a script" });
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()).toEqual([]);
    const c = connectorResponseSchema.parse(res.json()).connector;
    const [entry] = await h.store.listAudit({ action: "connector.created", targetId: c.id, limit: 1 });
    expect(entry).toMatchObject({ actorId: id, actorName: 'API token "Provisioning script"' });
    expect((await listed()).find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
  });

  it("when a token is used within a minute of its last use, then last-used is not rewritten; after a minute it is", async () => {
    const { client, id } = await h.withToken("support");
    h.clock.now = new Date(Date.now() + 1000);
    await client.get(routes.connectors);
    const first = (await h.store.getApiToken(id))?.lastUsedAt;
    h.clock.now = new Date(h.clock.now.getTime() + 30_000);
    await client.get(routes.connectors);
    expect((await h.store.getApiToken(id))?.lastUsedAt).toBe(first);
    h.clock.now = new Date(h.clock.now.getTime() + 31_000);
    await client.get(routes.connectors);
    expect((await h.store.getApiToken(id))?.lastUsedAt).toBe(h.clock.now.toISOString());
  });

  it("when a token has expired, then it is refused with 401 saying when, the refusal is audited and the list says Expired", async () => {
    const { client, id } = await h.withToken("support", { name: "Short-lived", expiresInDays: 1 });
    expect((await client.get(routes.connectors)).status).toBe(200);
    h.clock.now = new Date(Date.now() + DAY_MS + 60_000);
    const res = await client.get(routes.connectors);
    expect(res.status).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: "unauthenticated" });
    expect(errorOf(res).message).toMatch(/^This API token \("Short-lived"\) expired on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\. Ask a console admin/);
    expect((await audited("api_token.refused", id)).map((e) => e.after)).toContainEqual({ reason: "expired", route: "GET /api/connectors" });
    expect((await listed()).find((t) => t.id === id)?.state).toBe("expired");
  });

  it("when a token is revoked, then the next request is a 401 naming who revoked it, a second revoke is a 409, and both are audited", async () => {
    const { client, id } = await h.withToken("support", { name: "Leaked in a paste" });
    const revoked = await h.client.delete(routes.apiToken(id));
    expect(revoked.status).toBe(200);
    expect(apiTokenResponseSchema.parse(revoked.json()).token).toMatchObject({ state: "revoked", revokedBy: ACCOUNTS.admin.name });
    const res = await client.get(routes.connectors);
    expect(res.status).toBe(401);
    expect(errorOf(res).message).toMatch(new RegExp(`^This API token \\("Leaked in a paste"\\) was revoked by ${ACCOUNTS.admin.name} on `));
    const again = await h.client.delete(routes.apiToken(id));
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toMatch(/already revoked/);
    expect(await audited("api_token.revoked", id)).toHaveLength(1);
    expect((await audited("api_token.refused", id)).map((e) => e.after?.reason)).toEqual(["revoked"]);
    expect((await h.client.delete(routes.apiToken("no-such-token"))).status).toBe(404);
  });

  it("when an unknown or malformed token is sent, then 401 in the error shape says what to do, and the log holds no token", async () => {
    const unknown = `wct_${"A".repeat(43)}`;
    for (const header of [`Bearer ${unknown}`, "Bearer not-a-token", "bearer   ", `Bearer ${unknown} extra`]) {
      const res = await new Client(h.url).get(routes.connectors, { authorization: header });
      expect([header, res.status, errorOf(res).code]).toEqual([header, 401, "unauthenticated"]);
      expect(errorOf(res).message).toMatch(/^This API token is not valid: use the whole token \(it starts with wct_\)/);
    }
    expect(h.logs.join("\n")).not.toContain(unknown);
  });

  it("when a support token calls an admin route, then 403 says the token's role, nothing changes and the refusal is audited with the route", async () => {
    const { client, id } = await h.withToken("support", { name: "Read-only dashboard" });
    const before = (await h.client.get(routes.connectors)).text;
    const res = await client.post(routes.connectors, { name: "Should not exist" });
    expect(res.status).toBe(403);
    expect(errorOf(res).message).toBe("Only an admin can do this. This API token has the support role.");
    expect((await h.client.get(routes.connectors)).text).toBe(before);
    expect((await audited("api_token.refused", id)).map((e) => e.after)).toEqual([{ reason: "forbidden", route: "POST /api/connectors" }]);
  });

  it("when a token is sent to the browser session's routes or the token routes, then each is refused and no session is made", async () => {
    const { client } = await h.withToken("admin");
    const calls = [
      client.get(routes.session),
      client.post(routes.signIn, { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password }),
      client.post(routes.signOut, {}),
      client.post(routes.sessionPassword, { currentPassword: ACCOUNTS.admin.password, newPassword: "another-long-password" }),
      client.post(routes.apiTokens, { name: "Token minting a token", role: "admin" }),
      client.get(routes.apiTokens),
      client.post(routes.users, { name: "Backdoor", email: "backdoor@example.com", role: "admin", password: "long-enough-pass" }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(errorOf(res).message).toMatch(/^API tokens do not open this route/);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    // The admin's own password and sessions are untouched.
    expect(sessionResponseSchema.parse((await h.client.get(routes.session)).json()).user?.email).toBe(ACCOUNTS.admin.email);
  });

  it("when a request carries both a session cookie and a token, then it acts as the token only", async () => {
    const { token } = await h.withToken("support");
    const res = await h.client.post(routes.connectors, { name: "Cookie and token" }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
  });
});

describe("API token input", () => {
  it.each([
    [{ name: "", role: "support" }, "name", "Give the token a name, e.g. the script or tool that will use it."],
    [{ name: "x".repeat(101), role: "support" }, "name", "Use at most 100 characters for the name."],
    [{ name: "CI", role: "owner" }, "role", undefined],
    [{ name: "CI", role: "support", expiresInDays: 366 }, "expiresInDays", "A token lasts at most 1 year (365 days)."],
    [{ name: "CI", role: "support", expiresInDays: 0 }, "expiresInDays", "A token lasts at least 1 day."],
    [{ name: "CI", role: "support", expiresInDays: 1.5 }, "expiresInDays", "Give expiresInDays as a whole number of days."],
    [{ name: "CI", role: "support", secret: "mine" }, null, undefined],
  ])("when the request is %j, then 400 names the field to fix and nothing is created", async (body, field, message) => {
    const before = (await listed()).length;
    const res = await h.client.post(routes.apiTokens, body);
    expect(res.status).toBe(400);
    const e = errorOf(res);
    expect(e.code).toBe("validation_failed");
    if (field) expect(Object.keys(e.fields ?? {})).toContain(field);
    if (field && message) expect(e.fields?.[field]).toBe(message);
    expect((await listed()).length).toBe(before);
  });

  it("when a support user asks for the token list, then 403", async () => {
    expect((await (await h.signedIn("support")).get(routes.apiTokens)).status).toBe(403);
  });
});

describe("API token rate limit", () => {
  it("when a token goes over its requests per minute, then 429 with Retry-After, audited once, and it works again after the window", async () => {
    const limited = await startBff({ apiTokenPerMinute: 3 });
    try {
      const { client, id } = await limited.withToken("support");
      for (let i = 0; i < 3; i++) expect((await client.get(routes.connectors)).status).toBe(200);
      const over = await client.get(routes.connectors);
      expect(over.status).toBe(429);
      expect(errorOf(over).message).toBe("Too many requests with this API token (more than 3 a minute). Wait, then try again.");
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await client.get(routes.connectors)).status).toBe(429);
      const refusals = (await limited.store.listAudit({ action: "api_token.refused", limit: 10 })).filter((e) => e.targetId === id);
      expect(refusals.map((e) => e.after?.reason)).toEqual(["rate_limited"]);
      limited.clock.now = new Date(Date.now() + 61_000);
      expect((await client.get(routes.connectors)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("API token secrecy", () => {
  it("when tokens have been created, used, refused and revoked, then no token or its hash is in any response or log line", async () => {
    const made = await Promise.all([h.withToken("admin"), h.withToken("support")]);
    for (const m of made) {
      await m.client.get(routes.connectors);
      await m.client.post(routes.connectors, { name: `Leak scan ${m.id}` });
      await h.client.delete(routes.apiToken(m.id));
      await m.client.get(routes.connectors);
    }
    // The create response is the one place a token is meant to be: it is left out of the scan.
    const haystack = [...transcript.filter((t) => !t.includes('"secret":"wct_')), ...h.logs].join("\n");
    for (const m of made) {
      expect(haystack).not.toContain(m.token);
      expect(haystack).not.toContain(m.token.slice(8));
      expect(haystack).not.toContain(hashApiToken(m.token));
    }
  });
});
