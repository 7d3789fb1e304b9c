import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditResponseSchema, listUsersResponseSchema, pages, routes, sessionResponseSchema } from "@wc/contracts";
import { ACCOUNTS, startBff, transcript, type Client, type Harness, type Sent } from "./harness";
import { startOidcProvider, type Misbehaviour, type OidcProvider, type OidcUser } from "./oidc-provider";

/**
 * Single sign-on driven like a browser: the console's start redirect, the provider's /authorize
 * (which signs in `idp.nextUser` instead of showing a login page), then the callback on the BFF.
 */

const CLIENT_SECRET = `sso-test-client-secret-${randomBytes(16).toString("hex")}`;
const LABEL = "Acme SSO";
const oidcOptions = (issuer: string, clientId: string) => ({
  issuer,
  clientId,
  clientSecret: CLIENT_SECRET,
  label: LABEL,
  groupsClaim: "groups",
  adminGroups: ["wc-admins"],
  supportGroups: ["wc-support", "helpdesk"],
});

const ALICE: OidcUser = { sub: "idp-user-1", email: "alice@acme.example", email_verified: true, name: "Alice Example", groups: ["staff", "wc-admins"] };
const as = (groups: string[], extra: Partial<OidcUser> = {}): OidcUser => ({ ...ALICE, groups, ...extra });

let idp: OidcProvider;
let h: Harness;
/** Everything any provider in this file handed out, and every harness's logs, for the final leak scan. */
const handedOut: string[] = [CLIENT_SECRET];
const allLogs: string[][] = [];

beforeEach(async () => {
  idp = await startOidcProvider({ clientSecret: CLIENT_SECRET });
  h = await startBff({ auth: { oidc: oidcOptions(idp.url, idp.clientId) } });
  idp.redirectUri = `${h.url}${routes.ssoCallback}`;
  idp.nextUser = ALICE;
  allLogs.push(h.logs);
});
afterEach(async () => {
  handedOut.push(...idp.issued.codes, ...idp.issued.accessTokens, ...idp.issued.idTokens);
  // A JWT's signature alone is as good as a leak.
  handedOut.push(...idp.issued.idTokens.map((t) => t.split(".")[2] ?? t));
  await h.close();
  await idp.close();
});

interface Flow {
  start: Sent;
  /** The callback path and query the provider sent the browser back to. */
  callbackPath: string;
  callback: Sent;
}

/** The first two hops: the console's start redirect and the provider's answer. */
async function toProvider(c: Client, returnTo: string): Promise<{ start: Sent; callbackPath: string }> {
  const start = await c.get(`${routes.ssoStart}?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get("location") ?? "");
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${idp.url}/authorize`);
  const az = await fetch(authorize, { redirect: "manual" });
  expect(az.status).toBe(302);
  const back = new URL(az.headers.get("location") ?? "");
  expect(`${back.origin}${back.pathname}`).toBe(`${h.url}${routes.ssoCallback}`);
  return { start, callbackPath: `${back.pathname}${back.search}` };
}

async function sso(c: Client, returnTo = "/connectors/x"): Promise<Flow> {
  const { start, callbackPath } = await toProvider(c, returnTo);
  return { start, callbackPath, callback: await c.get(callbackPath) };
}

/** The message the console puts on its sign-in page, or fails when the answer is not that redirect. */
function signInError(res: Sent): string {
  expect(res.status).toBe(303);
  const to = new URL(res.headers.get("location") ?? "", h.url);
  expect(to.origin).toBe(h.url);
  expect(to.pathname).toBe(pages.signIn);
  return to.searchParams.get("error") ?? "";
}

const sessionOf = async (c: Client) => sessionResponseSchema.parse((await c.get(routes.session)).json());
const startsSession = (res: Sent) => res.headers.getSetCookie().some((c) => /^wc_session=[^;]+/.test(c) && !/Max-Age=0/i.test(c));
const usersWithEmail = async (email: string) => listUsersResponseSchema.parse((await h.client.get(routes.users)).json()).users.filter((u) => u.email === email);

async function expectRefusedWithoutSession(c: Client, res: Sent, message: RegExp) {
  expect(signInError(res)).toMatch(message);
  expect(startsSession(res)).toBe(false);
  expect((await sessionOf(c)).user).toBeNull();
}

describe("single sign-on: who gets in, with which role", () => {
  it("when a user in the admin group signs in, then they are an oidc admin on the returnTo page with a session cookie, and an account exists", async () => {
    const c = h.newClient();
    const { start, callback } = await sso(c);

    const authorize = new URL(start.headers.get("location") ?? "").searchParams;
    expect(authorize.get("code_challenge_method")).toBe("S256");
    expect(authorize.get("client_id")).toBe(idp.clientId);
    expect(authorize.get("scope")?.split(" ")).toContain("openid");
    expect(authorize.get("state")).toBeTruthy();
    expect(authorize.get("nonce")).toBeTruthy();

    expect(callback.status).toBe(303);
    expect(callback.headers.get("location")).toBe("/connectors/x");
    expect(callback.headers.get("cache-control")).toMatch(/no-store/);
    expect(callback.headers.get("referrer-policy")).toBe("no-referrer");
    expect(startsSession(callback)).toBe(true);

    const s = await sessionOf(c);
    expect(s.user).toMatchObject({ email: ALICE.email, name: ALICE.name, role: "admin", source: "oidc" });
    expect(await usersWithEmail(ALICE.email)).toMatchObject([{ role: "admin", source: "oidc", activeSessions: 1 }]);
    expect(idp.tokenRequests).toBe(1);

    const audit = listAuditResponseSchema.parse((await h.client.get(`${routes.audit}?action=auth.signed_in`)).json()).entries;
    expect(audit.find((e) => e.targetName === ALICE.email)).toMatchObject({ after: { via: "sso", role: "admin" } });
  });

  it("when the same user signs in again after moving from the admin to the support group, then the account is reused and the role follows the group", async () => {
    const first = h.newClient();
    expect((await sso(first)).callback.status).toBe(303);
    const id = (await sessionOf(first)).user?.id;
    expect(id).toBeTruthy();

    idp.nextUser = as(["wc-support"], { name: "Alice Renamed" });
    const second = h.newClient();
    expect((await sso(second)).callback.headers.get("location")).toBe("/connectors/x");
    expect((await sessionOf(second)).user).toMatchObject({ id, role: "support", source: "oidc", name: "Alice Renamed" });
    expect(await usersWithEmail(ALICE.email)).toMatchObject([{ id, role: "support", source: "oidc" }]);
    // The browser still signed in from before now has the new role too.
    expect((await sessionOf(first)).user).toMatchObject({ id, role: "support" });
    expect((await first.post(routes.connectors, { name: "Not any more" })).status).toBe(403);
  });

  it("when a user in the support group signs in, then they are support and an admin-only API answers 403", async () => {
    idp.nextUser = as(["helpdesk"]);
    const c = h.newClient();
    expect((await sso(c)).callback.status).toBe(303);
    expect((await sessionOf(c)).user).toMatchObject({ role: "support", source: "oidc" });
    expect((await c.get(routes.connectors)).status).toBe(200);
    const res = await c.post(routes.connectors, { name: "Support tries" });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("when the user is in no mapped group, then the sign-in page says the account is not in an allowed group and no session or account is created", async () => {
    idp.nextUser = as(["staff", "wc-admins-old"]);
    const c = h.newClient();
    await expectRefusedWithoutSession(c, (await sso(c)).callback, /not in a group allowed/);
    expect(await usersWithEmail(ALICE.email)).toEqual([]);
  });

  it("when the provider says the email is not verified, then the sign-in is refused and no account is created", async () => {
    idp.nextUser = as(["wc-admins"], { email_verified: false });
    const c = h.newClient();
    await expectRefusedWithoutSession(c, (await sso(c)).callback, /verified email/);
    expect(await usersWithEmail(ALICE.email)).toEqual([]);
  });

  it("when a local (password) account has the same email, then the sign-in is refused with a message that it signs in with a password", async () => {
    idp.nextUser = as(["wc-admins"], { email: ACCOUNTS.admin.email });
    const c = h.newClient();
    await expectRefusedWithoutSession(c, (await sso(c)).callback, /signs in with a password/);
    expect(await usersWithEmail(ACCOUNTS.admin.email)).toMatchObject([{ source: "local", role: "admin", name: ACCOUNTS.admin.name }]);
  });
});

describe("single sign-on: accounts follow the provider's subject, not the email", () => {
  it("when the provider gives a known email to another person (another subject), then that person is refused and the account stays as it was", async () => {
    const owner = h.newClient();
    expect((await sso(owner)).callback.status).toBe(303);
    const id = (await sessionOf(owner)).user?.id;

    idp.nextUser = as(["wc-admins"], { sub: "idp-user-2", name: "Someone Else" });
    const other = h.newClient();
    await expectRefusedWithoutSession(other, (await sso(other)).callback, /belongs to another person at your identity provider/);
    expect(await usersWithEmail(ALICE.email)).toMatchObject([{ id, name: ALICE.name, activeSessions: 1 }]);
    expect(h.logs.some((l) => l.includes("belongs to another identity"))).toBe(true);
  });

  it("when a person's email changes at the provider, then they sign in to the same account and its email follows", async () => {
    const first = h.newClient();
    expect((await sso(first)).callback.status).toBe(303);
    const id = (await sessionOf(first)).user?.id;

    idp.nextUser = as(["wc-admins"], { email: "alice.new@acme.example" });
    const second = h.newClient();
    expect((await sso(second)).callback.status).toBe(303);
    expect((await sessionOf(second)).user).toMatchObject({ id, email: "alice.new@acme.example" });
    expect(await usersWithEmail(ALICE.email)).toEqual([]);
  });

  it("when an account from before subjects were kept signs in, then it is bound to that subject from then on", async () => {
    const first = h.newClient();
    expect((await sso(first)).callback.status).toBe(303);
    const id = (await sessionOf(first)).user?.id ?? "";
    await h.store.updateUser(id, { ssoSubject: null });

    expect((await sso(h.newClient())).callback.status).toBe(303);
    expect((await h.store.getUser(id))?.ssoSubject).toBe(`${idp.url} ${ALICE.sub}`);
    idp.nextUser = as(["wc-admins"], { sub: "idp-user-3" });
    const other = h.newClient();
    await expectRefusedWithoutSession(other, (await sso(other)).callback, /belongs to another person/);
  });
});

describe("single sign-on: refusals", () => {
  it("when the user cancels at the provider, then the sign-in page says single sign-on was cancelled", async () => {
    idp.deny = true;
    const c = h.newClient();
    await expectRefusedWithoutSession(c, (await sso(c)).callback, /cancelled/);
    expect(idp.tokenRequests).toBe(0);
  });

  it("when the callback is replayed with the same state, then the second is refused and the token endpoint saw exactly one request", async () => {
    const c = h.newClient();
    const { callbackPath, callback } = await sso(c);
    expect(startsSession(callback)).toBe(true);
    const attacker = h.newClient();
    await expectRefusedWithoutSession(attacker, await attacker.get(callbackPath), /expired or was already used/);
    expect(signInError(await c.get(callbackPath))).toMatch(/expired or was already used/);
    expect(idp.tokenRequests).toBe(1);
  });

  it.each([
    ["unknown", (q: URLSearchParams) => q.set("state", randomBytes(16).toString("base64url"))],
    ["absent", (q: URLSearchParams) => q.delete("state")],
    ["empty", (q: URLSearchParams) => q.set("state", "")],
  ])("when the state is %s, then the callback is refused and the code is never exchanged", async (_label, tamper) => {
    const c = h.newClient();
    const { callbackPath } = await toProvider(c, "/connectors/x");
    const u = new URL(callbackPath, h.url);
    tamper(u.searchParams);
    await expectRefusedWithoutSession(c, await c.get(`${u.pathname}${u.search}`), /expired or was already used/);
    expect(idp.tokenRequests).toBe(0);
  });

  it("when the callback has no query at all, then it is refused, not a 5xx", async () => {
    const c = h.newClient();
    await expectRefusedWithoutSession(c, await c.get(routes.ssoCallback), /expired or was already used/);
  });

  it("when the callback comes more than 10 minutes after the start, then it is refused", async () => {
    const c = h.newClient();
    const { callbackPath } = await toProvider(c, "/connectors/x");
    h.clock.now = new Date(Date.now() + 11 * 60_000);
    try {
      await expectRefusedWithoutSession(c, await c.get(callbackPath), /expired or was already used/);
    } finally {
      h.clock.now = null;
    }
    expect(idp.tokenRequests).toBe(0);
  });

  it.each<[string, Misbehaviour]>([
    ["the nonce is wrong", "wrong-nonce"],
    ["the audience is another client", "wrong-audience"],
    ["the signature is bad", "bad-signature"],
    ["the token has expired", "expired"],
  ])("when the ID token is wrong (%s), then the sign-in is refused as not verifiable and no session or account exists", async (_label, how) => {
    idp.misbehave = how;
    const c = h.newClient();
    await expectRefusedWithoutSession(c, (await sso(c)).callback, /could not be verified/);
    expect(idp.tokenRequests).toBe(1);
    expect(await usersWithEmail(ALICE.email)).toEqual([]);
  });

  it.each(["//evil.example", "https://evil.example", "/\\evil.example", "/api/users", "javascript:alert(1)"])(
    "when returnTo is unsafe (%s), then after a successful sign-in the redirect goes to /connectors, never off-site",
    async (returnTo) => {
      const c = h.newClient();
      const { callback } = await sso(c, returnTo);
      expect(callback.status).toBe(303);
      expect(callback.headers.get("location")).toBe(pages.connectors);
      expect((await sessionOf(c)).user).toMatchObject({ email: ALICE.email });
    },
  );
});

describe("single sign-on: the provider's availability and the sign-in page", () => {
  it("when the provider is down at sign-in start, then the sign-in page says single sign-on is unavailable, not a 500", async () => {
    await idp.close();
    const c = h.newClient();
    const res = await c.get(`${routes.ssoStart}?returnTo=/connectors/x`);
    expect(signInError(res)).toMatch(/unavailable/);
    expect(h.logs.join("\n")).toMatch(/sso discovery failed/);
  });

  it("when the provider was failing at the first attempt and comes back, then the next attempt works without a restart", async () => {
    idp.unavailable = true;
    const c = h.newClient();
    expect(signInError(await c.get(routes.ssoStart))).toMatch(/unavailable/);
    idp.unavailable = false;
    const { callback } = await sso(c);
    expect(callback.headers.get("location")).toBe("/connectors/x");
    expect((await sessionOf(c)).user).toMatchObject({ role: "admin", source: "oidc" });
  });

  it("when the sign-in page asks for the session, then it learns that single sign-on is enabled and its label", async () => {
    const s = await sessionOf(h.newClient());
    expect(s.user).toBeNull();
    expect(s.sso).toEqual({ enabled: true, label: LABEL });
  });

  it("when single sign-on is not configured, then the session says so and start sends the browser back to sign-in", async () => {
    const plain = await startBff();
    allLogs.push(plain.logs);
    try {
      const c = plain.newClient();
      expect(sessionResponseSchema.parse((await c.get(routes.session)).json()).sso).toEqual({ enabled: false, label: "" });
      const res = await c.get(routes.ssoStart);
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get("location") ?? "", plain.url).searchParams.get("error")).toMatch(/not configured/);
    } finally {
      await plain.close();
    }
  });
});

describe("single sign-on: secrets", () => {
  it("when every flow in this file has run, then no ID token, access token, code or client secret appears in what the BFF sent or logged", async () => {
    // This test's own flows, so the scan never runs on nothing: one success, one refusal.
    expect((await sso(h.newClient())).callback.headers.get("location")).toBe("/connectors/x");
    idp.misbehave = "wrong-nonce";
    expect(signInError((await sso(h.newClient())).callback)).toMatch(/could not be verified/);

    const secrets = [
      ...handedOut,
      ...idp.issued.codes,
      ...idp.issued.accessTokens,
      ...idp.issued.idTokens,
      ...idp.issued.idTokens.map((t) => t.split(".")[2] ?? t),
    ];
    expect(idp.issued.idTokens.length).toBe(2);
    const haystack = [...transcript, ...allLogs.flat()].join("\n");
    expect(haystack).toContain("sso code exchange failed");
    for (const secret of secrets) expect(haystack).not.toContain(secret);
  });
});
