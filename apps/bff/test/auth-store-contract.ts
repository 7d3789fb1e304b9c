import { describe, expect, it } from "vitest";
import type { UserRecord } from "../src/auth/auth-store";
import type { Store } from "../src/store/types";

/** Accounts, sessions, rate limits, audit log, meta and SSO transactions: the same on every engine. */
export function describeAuthStoreContract(engine: string, open: () => Promise<Store>) {
  const at = "2026-11-29T10:00:00.000Z";
  const user = (id: string, email: string, role: UserRecord["role"] = "admin"): UserRecord => ({
    id,
    email,
    name: id.toUpperCase(),
    role,
    source: "local",
    passwordHash: "scrypt$1$1$1$a$b",
    createdAt: at,
    updatedAt: at,
    lastSignInAt: null,
    ssoSubject: null,
  });
  const session = (id: string, userId: string, createdAt = at, lastSeenAt = at) => ({
    id,
    userId,
    userName: "U",
    role: "admin" as const,
    createdAt,
    lastSeenAt,
    ip: "10.0.0.1",
  });

  describe(`${engine} store: sign-in`, () => {
    it("when users are added, then they read back by id and email, sorted by email, and an email is unique", async () => {
      const s = await open();
      await s.insertUser(user("b", "b@example.com"));
      await s.insertUser(user("a", "a@example.com", "support"));
      expect(await s.getUser("a")).toEqual(user("a", "a@example.com", "support"));
      expect(await s.getUserByEmail("b@example.com")).toEqual(user("b", "b@example.com"));
      expect((await s.listUsers()).map((u) => u.id)).toEqual(["a", "b"]);
      expect(await s.countUsers()).toBe(2);
      await expect(s.insertUser(user("c", "a@example.com"))).rejects.toThrow();
      await s.close();
    });

    it("when a single sign-on account is bound to its subject, then it reads back by subject, a subject is unique, and many accounts may have none", async () => {
      const s = await open();
      const sso = (id: string, email: string, ssoSubject: string | null): UserRecord => ({
        ...user(id, email),
        source: "oidc",
        passwordHash: null,
        ssoSubject,
      });
      await s.insertUser(sso("a", "a@example.com", "https://idp.example sub-a"));
      await s.insertUser(sso("b", "b@example.com", null));
      await s.insertUser(user("c", "c@example.com"));
      expect(await s.getUserBySsoSubject("https://idp.example sub-a")).toEqual(sso("a", "a@example.com", "https://idp.example sub-a"));
      expect(await s.getUserBySsoSubject("https://idp.example sub-b")).toBeNull();
      await expect(s.insertUser(sso("d", "d@example.com", "https://idp.example sub-a"))).rejects.toThrow();
      expect(await s.updateUser("b", { ssoSubject: "https://idp.example sub-b", email: "b2@example.com" })).toMatchObject({
        email: "b2@example.com",
        ssoSubject: "https://idp.example sub-b",
      });
      expect((await s.getUserBySsoSubject("https://idp.example sub-b"))?.id).toBe("b");
      await s.close();
    });

    it("when the last admin would be demoted or deleted, then the store refuses and nothing changes", async () => {
      const s = await open();
      await s.insertUser(user("a", "a@example.com"));
      await s.insertUser(user("s", "s@example.com", "support"));
      expect(await s.updateUser("a", { role: "support" })).toBe("last_admin");
      expect(await s.deleteUser("a")).toBe("last_admin");
      expect((await s.getUser("a"))?.role).toBe("admin");
      expect(await s.updateUser("s", { role: "admin", name: "Sam" })).toMatchObject({ role: "admin", name: "Sam" });
      expect(await s.updateUser("a", { role: "support" })).toMatchObject({ role: "support" });
      expect(await s.updateUser("missing", { name: "x" })).toBeNull();
      await s.close();
    });

    it("when a user is deleted, then their sessions go too; sessions can be counted, killed and purged", async () => {
      const s = await open();
      await s.insertUser(user("a", "a@example.com"));
      await s.insertUser(user("b", "b@example.com"));
      await s.createSession(session("s1", "a"));
      await s.createSession(session("s2", "a", at, "2026-11-29T09:00:00.000Z"));
      await s.createSession(session("s3", "b", "2026-11-28T00:00:00.000Z"));
      expect(await s.getSession("s1")).toEqual(session("s1", "a"));
      // The session with its user in one read, as the session middleware asks for them.
      expect(await s.getSessionWithUser("s1")).toEqual({ session: session("s1", "a"), user: await s.getUser("a") });
      expect(await s.getSessionWithUser("nope")).toBeNull();
      expect(Object.fromEntries(await s.countSessionsByUser())).toEqual({ a: 2, b: 1 });
      expect(await s.purgeSessions("2026-11-29T09:30:00.000Z", "2026-11-28T12:00:00.000Z")).toBe(2);
      expect(await s.getSession("s1")).not.toBeNull();
      await s.createSession(session("s4", "b"));
      expect(await s.deleteUser("b")).toBe(true);
      expect(await s.getSession("s4")).toBeNull();
      expect(await s.getSessionWithUser("s4")).toBeNull();
      expect(await s.deleteSessionsOfUser("a")).toBe(1);
      await s.close();
    });

    it("when hits are counted, then a window starts, grows, and restarts once it is old", async () => {
      const s = await open();
      const hit = (now: string, after: string) => s.hitRate("k", now, after);
      expect(await hit("2026-11-29T10:00:00.000Z", "2026-11-29T09:45:00.000Z")).toEqual({ count: 1, windowStart: "2026-11-29T10:00:00.000Z" });
      expect(await hit("2026-11-29T10:05:00.000Z", "2026-11-29T09:50:00.000Z")).toEqual({ count: 2, windowStart: "2026-11-29T10:00:00.000Z" });
      expect(await s.peekRate("k", "2026-11-29T09:50:00.000Z")).toEqual({ count: 2, windowStart: "2026-11-29T10:00:00.000Z" });
      expect(await s.peekRate("k", "2026-11-29T10:00:00.000Z")).toBeNull();
      expect(await hit("2026-11-29T10:16:00.000Z", "2026-11-29T10:01:00.000Z")).toEqual({ count: 1, windowStart: "2026-11-29T10:16:00.000Z" });
      await Promise.all(Array.from({ length: 10 }, () => hit("2026-11-29T10:17:00.000Z", "2026-11-29T10:02:00.000Z")));
      expect((await s.peekRate("k", "2026-11-29T10:02:00.000Z"))?.count).toBe(11);
      await s.clearRate("k");
      expect(await s.peekRate("k", "2026-11-29T00:00:00.000Z")).toBeNull();
      await s.close();
    });

    it("when audit entries are appended, then they list newest first with filters and paging, JSON intact", async () => {
      const s = await open();
      for (let i = 1; i <= 4; i++) {
        await s.appendAudit({
          at: `2026-11-29T10:0${i}:00.000Z`,
          actorId: "u1",
          actorName: i % 2 ? "Ada 50%_off" : "Bob",
          action: i === 4 ? "user.removed" : "user.created",
          targetType: "user",
          targetId: `t${i}`,
          targetName: `t${i}@example.com`,
          ip: "10.0.0.1",
          requestId: null,
          before: null,
          after: { role: "admin", n: i },
        });
      }
      const all = await s.listAudit({ limit: 100 });
      expect(all.map((e) => e.targetId)).toEqual(["t4", "t3", "t2", "t1"]);
      expect(all[0]).toMatchObject({ seq: expect.any(Number), actorName: "Bob", action: "user.removed", after: { role: "admin", n: 4 }, before: null });
      expect((await s.listAudit({ limit: 100, actor: "50%_" })).map((e) => e.targetId)).toEqual(["t3", "t1"]);
      expect((await s.listAudit({ limit: 100, actor: "%" })).map((e) => e.targetId)).toEqual(["t3", "t1"]);
      expect((await s.listAudit({ limit: 100, action: "user.removed" })).map((e) => e.targetId)).toEqual(["t4"]);
      expect((await s.listAudit({ limit: 100, targetId: "t2" })).map((e) => e.targetId)).toEqual(["t2"]);
      expect((await s.listAudit({ limit: 100, from: "2026-11-29T10:02:00Z", to: "2026-11-29T10:03:00Z" })).map((e) => e.targetId)).toEqual(["t3", "t2"]);
      const page = await s.listAudit({ limit: 2, before: all[1]?.seq ?? 0 });
      expect(page.map((e) => e.targetId)).toEqual(["t2", "t1"]);
      await s.close();
    });

    it("when a one-time value or SSO transaction is taken twice, then only the first take gets it", async () => {
      const s = await open();
      await s.setMeta("k", "v1");
      await s.setMeta("k", "v2");
      expect(await s.getMeta("k")).toBe("v2");
      const takes = await Promise.all([s.takeMeta("k"), s.takeMeta("k")]);
      expect(takes.sort()).toEqual(["v2", null].sort());
      const tx = { stateHash: "h", codeVerifierEnc: "v1.a.b.c.d", nonce: "n", returnTo: "/connectors", createdAt: at, expiresAt: at };
      await s.insertSsoTransaction(tx);
      expect(await s.takeSsoTransaction("h")).toEqual(tx);
      expect(await s.takeSsoTransaction("h")).toBeNull();
      await s.close();
    });
  });
}
