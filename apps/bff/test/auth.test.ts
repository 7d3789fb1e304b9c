import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routes, sessionResponseSchema } from "@wc/contracts";
import { ensureFirstAdmin } from "../src/auth/bootstrap";
import { ACCOUNTS, startBff, transcript, type Harness } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startBff({ auth: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, maxFailures: 5, lockoutMs: 15 * 60_000, maxPerAddress: 10_000 } });
});
afterEach(async () => {
  h.clock.now = null;
  await h.close();
});

const session = async (c = h.client) => sessionResponseSchema.parse((await c.get(routes.session)).json());
const cookieOf = (res: { headers: Headers }) => res.headers.getSetCookie().find((c) => c.startsWith("wc_session="));
const at = (iso: string) => (h.clock.now = new Date(iso));

// Every attempt runs the password KDF (scrypt): a handful of them take seconds on a busy machine.
describe("sign-in", { timeout: 30_000 }, () => {
  it("when the password is right, then a session cookie is set (HttpOnly, SameSite=Lax, Path=/, bounded Max-Age) and the user is known", async () => {
    const c = h.newClient();
    const res = await c.post(routes.signIn, { email: "  ADMIN@example.com ", password: ACCOUNTS.admin.password });
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toMatch(/^wc_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect((await session(c)).user).toMatchObject({ email: ACCOUNTS.admin.email, role: "admin", source: "local" });
    expect(res.text).not.toContain(ACCOUNTS.admin.password);
  });

  it("when the password is wrong or the email unknown, then the same generic 401 message", async () => {
    const wrong = await h.newClient().post(routes.signIn, { email: ACCOUNTS.admin.email, password: "nope-nope-nope" });
    const unknown = await h.newClient().post(routes.signIn, { email: "nobody@example.com", password: "nope-nope-nope" });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json()).toMatchObject({ error: { message: "Email or password is incorrect." } });
    expect(unknown.json<{ error: { message: string } }>().error.message).toBe(wrong.json<{ error: { message: string } }>().error.message);
  });

  it("when the body is malformed, then 400 says which field to fix", async () => {
    const res = await h.newClient().post(routes.signIn, { email: "not-an-email" });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { email: expect.any(String), password: "Enter your password." } } });
  });

  it("when an account fails 5 times, then it is locked (429 + Retry-After) even for the right password, and opens again after the lockout", async () => {
    at("2026-11-29T10:00:00Z");
    for (let i = 0; i < 4; i++) expect((await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: `wrong-${i}` })).status).toBe(401);
    const fifth = await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: "wrong-5" });
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get("retry-after")).toBe("900");
    expect(fifth.json()).toMatchObject({ error: { code: "rate_limited", message: "Too many sign-in attempts. Try again in 15 minutes." } });
    expect((await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: ACCOUNTS.support.password })).status).toBe(429);
    // Other accounts are not affected.
    expect((await h.newClient().post(routes.signIn, { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password })).status).toBe(200);
    at("2026-11-29T10:15:01Z");
    expect((await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: ACCOUNTS.support.password })).status).toBe(200);
  });

  it("when an unknown email is tried 5 times, then it locks exactly like a real account (no enumeration)", async () => {
    for (let i = 0; i < 4; i++) await h.newClient().post(routes.signIn, { email: "ghost@example.com", password: `wrong-${i}` });
    expect((await h.newClient().post(routes.signIn, { email: "ghost@example.com", password: "wrong" })).status).toBe(429);
  });

  it("when one address tries too many accounts, then it is slowed down whatever the account", async () => {
    const strict = await startBff({ auth: { maxPerAddress: 3 } });
    for (let i = 0; i < 3; i++) await strict.newClient().post(routes.signIn, { email: `spray${i}@example.com`, password: "wrong" });
    const res = await strict.newClient().post(routes.signIn, { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password });
    expect(res.status).toBe(429);
    await strict.close();
  });
});

describe("session lifecycle", () => {
  it("when a browser signs in with a session cookie already set, then it gets a new session id and the old one is dead (no fixation)", async () => {
    const c = await h.signedIn("support");
    const old = c.cookieHeader();
    const res = await c.post(routes.signIn, { email: ACCOUNTS.support.email, password: ACCOUNTS.support.password });
    expect(c.cookieHeader()).not.toBe(old);
    expect(cookieOf(res)).toBeDefined();
    const replay = await h.newClient().get(routes.connectors, { cookie: old });
    expect(replay.status).toBe(401);
  });

  it("when a session is idle longer than the idle timeout, then it ends; activity keeps it alive", async () => {
    at("2026-11-29T10:00:00Z");
    const c = await h.signedIn("support");
    at("2026-11-29T10:29:00Z");
    expect((await c.get(routes.connectors)).status).toBe(200);
    at("2026-11-29T10:58:00Z");
    expect((await c.get(routes.connectors)).status).toBe(200);
    at("2026-11-29T11:29:00Z");
    const res = await c.get(routes.connectors);
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("when a session reaches the absolute timeout, then it ends even if active", async () => {
    at("2026-11-29T00:00:00Z");
    const c = await h.signedIn("support");
    for (let m = 20; m < 12 * 60; m += 20) {
      at(new Date(Date.parse("2026-11-29T00:00:00Z") + m * 60_000).toISOString());
      expect((await c.get(routes.connectors)).status).toBe(200);
    }
    at("2026-11-29T12:00:00Z");
    expect((await c.get(routes.connectors)).status).toBe(401);
  });

  it("when the user signs out, then the session is gone server-side: replaying the old cookie is refused", async () => {
    const c = await h.signedIn("support");
    const cookie = c.cookieHeader();
    const out = await c.post(routes.signOut);
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/wc_session=; .*Max-Age=0/);
    expect((await h.newClient().get(routes.connectors, { cookie })).status).toBe(401);
    expect((await session(h.newClient())).user).toBeNull();
  });

  it("when an admin ends a user's sessions, then every browser of that user is signed out at once", async () => {
    const a = await h.signedIn("support");
    const b = await h.signedIn("support");
    const id = (await session(a)).user?.id ?? "";
    const res = await h.client.delete(routes.userSessions(id));
    expect(res.json()).toEqual({ ended: 2 });
    expect((await a.get(routes.connectors)).status).toBe(401);
    expect((await b.get(routes.connectors)).status).toBe(401);
  });

  it("when expired sessions are purged, then only live ones remain", async () => {
    at("2026-11-29T10:00:00Z");
    await h.signedIn("support");
    at("2026-11-29T11:00:00Z");
    const live = await h.signedIn("support");
    expect(await h.app.background.purgeSessions()).toBeGreaterThanOrEqual(1);
    expect((await live.get(routes.connectors)).status).toBe(200);
  });

  it("when an admin changes a user's role, then it applies at the user's next request", async () => {
    const c = await h.signedIn("support");
    expect((await c.post(routes.connectors, { name: "Before" })).status).toBe(403);
    const id = (await session(c)).user?.id ?? "";
    expect((await h.client.patch(routes.user(id), { role: "admin" })).status).toBe(200);
    expect((await c.post(routes.connectors, { name: "After" })).status).toBe(201);
  });
});

describe("accounts", () => {
  const newUser = { name: "Nia", email: "nia@example.com", role: "support", password: "twelve-chars-ok" };

  it("when an admin adds a user, then the user can sign in; the password is never returned", async () => {
    const res = await h.client.post(routes.users, newUser);
    expect(res.status).toBe(201);
    expect(res.text).not.toContain(newUser.password);
    expect(res.text).not.toMatch(/scrypt|passwordHash/);
    expect((await h.newClient().post(routes.signIn, { email: newUser.email, password: newUser.password })).status).toBe(200);
  });

  it("when the password is shorter than 12 characters or the email is taken, then a field message says so", async () => {
    const short = await h.client.post(routes.users, { ...newUser, password: "short" });
    expect(short.json()).toMatchObject({ error: { fields: { password: "Use at least 12 characters." } } });
    const taken = await h.client.post(routes.users, { ...newUser, email: ACCOUNTS.support.email });
    expect(taken.status).toBe(409);
    expect(taken.json()).toMatchObject({ error: { fields: { email: "An account with this email already exists." } } });
  });

  it("when an admin resets a password, then the old one stops working and the user's sessions end", async () => {
    const c = await h.signedIn("support");
    const id = (await session(c)).user?.id ?? "";
    expect((await h.client.post(routes.userPassword(id), { password: "a-brand-new-password" })).status).toBe(204);
    expect((await c.get(routes.connectors)).status).toBe(401);
    expect((await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: ACCOUNTS.support.password })).status).toBe(401);
    expect((await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: "a-brand-new-password" })).status).toBe(200);
  });

  it("when the last admin would be removed or demoted, then 409 and nothing changes", async () => {
    const me = (await session()).user?.id ?? "";
    expect((await h.client.patch(routes.user(me), { role: "support" })).status).toBe(409);
    expect((await h.client.delete(routes.user(me))).status).toBe(409);
    expect((await session()).user?.role).toBe("admin");
  });

  it("when a user is removed, then their sessions end and they cannot sign in", async () => {
    const c = await h.signedIn("support");
    const id = (await session(c)).user?.id ?? "";
    expect((await h.client.delete(routes.user(id))).status).toBe(204);
    expect((await c.get(routes.connectors)).status).toBe(401);
    expect((await h.client.delete(routes.user(id))).status).toBe(404);
  });

  it("when a user changes their own password, then the current one is required and other browsers are signed out", async () => {
    const a = await h.signedIn("support");
    const b = await h.signedIn("support");
    const wrong = await a.post(routes.sessionPassword, { currentPassword: "not-it", newPassword: "another-long-one" });
    expect(wrong.json()).toMatchObject({ error: { fields: { currentPassword: "This is not your current password." } } });
    expect((await a.post(routes.sessionPassword, { currentPassword: ACCOUNTS.support.password, newPassword: "another-long-one" })).status).toBe(204);
    expect((await a.get(routes.connectors)).status).toBe(200);
    expect((await b.get(routes.connectors)).status).toBe(401);
  });
});

describe("first admin", () => {
  it("when no account exists and no ADMIN_EMAIL is set, then a one-time setup link creates the first admin, once", async () => {
    const fresh = await startBff({ noAccounts: true });
    const b = await ensureFirstAdmin({ store: fresh.store, now: () => new Date() }, null, fresh.url);
    expect(b.kind).toBe("setup");
    if (b.kind !== "setup") return;
    const link = new URL(b.link);
    expect(link.pathname).toBe("/setup");
    expect(link.search).toBe("");
    const token = link.hash.replace("#token=", "");
    const anon = fresh.newClient();
    expect((await session(anon)).setupRequired).toBe(true);
    const body = { name: "Root", email: "root@example.com", password: "first-admin-pass" };
    const bad = await anon.post(routes.setup, { ...body, token: "x".repeat(43) });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: { token: expect.any(String) } } });
    const ok = await anon.post(routes.setup, { ...body, token });
    expect(ok.status).toBe(200);
    expect(sessionResponseSchema.parse(ok.json()).user).toMatchObject({ role: "admin", email: "root@example.com" });
    expect((await anon.get(routes.users)).status).toBe(200);
    expect((await fresh.newClient().post(routes.setup, { ...body, email: "two@example.com", token })).status).toBe(409);
    expect((await session(fresh.newClient())).setupRequired).toBe(false);
    await fresh.close();
  });

  it("when two replicas start together on an empty store, then only one link is printed; a later start prints a new one", async () => {
    const fresh = await startBff({ noAccounts: true });
    let now = new Date("2026-11-29T10:00:00Z");
    const deps = { store: fresh.store, now: () => now };
    const first = await ensureFirstAdmin(deps, null, fresh.url);
    expect(first.kind).toBe("setup");
    expect((await ensureFirstAdmin(deps, null, fresh.url)).kind).toBe("setup_pending");
    now = new Date("2026-11-29T11:00:00Z");
    const later = await ensureFirstAdmin(deps, null, fresh.url);
    expect(later.kind).toBe("setup");
    if (first.kind === "setup" && later.kind === "setup") expect(later.link).not.toBe(first.link);
    await fresh.close();
  });

  it("when ADMIN_EMAIL/ADMIN_PASSWORD are given at first start, then that admin exists and no link is printed; later starts change nothing", async () => {
    const fresh = await startBff({ noAccounts: true });
    const deps = { store: fresh.store, now: () => new Date() };
    expect(await ensureFirstAdmin(deps, { email: "boss@example.com", password: "boss-password-1" }, fresh.url)).toEqual({
      kind: "created",
      email: "boss@example.com",
    });
    expect(await ensureFirstAdmin(deps, { email: "other@example.com", password: "other-password-1" }, fresh.url)).toEqual({ kind: "ready" });
    expect((await fresh.newClient().post(routes.signIn, { email: "boss@example.com", password: "boss-password-1" })).status).toBe(200);
    expect(await fresh.store.getUserByEmail("other@example.com")).toBeNull();
    await fresh.close();
  });
});

describe("secret-leak scan (runs last)", () => {
  it("when every answer and log line of this file is scanned, then no password appears, and session tokens only in Set-Cookie", async () => {
    const passwords = [
      ACCOUNTS.admin.password,
      ACCOUNTS.support.password,
      "twelve-chars-ok",
      "a-brand-new-password",
      "another-long-one",
      "first-admin-pass",
      "boss-password-1",
    ];
    const haystack = [...transcript, ...h.logs].join("\n");
    expect(haystack.length).toBeGreaterThan(10_000);
    for (const p of passwords) expect(haystack.includes(p), `password of length ${p.length} leaked`).toBe(false);
    const c = await h.signedIn("support");
    const token = c.cookieHeader().split("=")[1] ?? "";
    expect(token).toHaveLength(43);
    await c.get(routes.session);
    // Set-Cookie is where the token belongs; everywhere else it must not be.
    const bodiesAndLogs = [...transcript.map((t) => t.replace(/wc_session=[A-Za-z0-9_-]{43}/g, "wc_session=…")), ...h.logs].join("\n");
    expect(bodiesAndLogs.includes(token)).toBe(false);
    expect(JSON.stringify(await h.store.getSession(token))).toBe("null");
  });
});
