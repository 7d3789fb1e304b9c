import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelCreatedResponseSchema, connectorResponseSchema, handoffLinkCreatedResponseSchema, routes, userResponseSchema, type Role } from "@wc/contracts";
import { startBff, type Client, type Harness } from "./harness";
import { walkRoutes } from "./routes-walk";

/**
 * Who may call what. A route missing here — or guarded differently — fails the first test, so a
 * new route cannot ship without a decision about its access.
 */
const EXPECTED: Record<string, Role | "public" | "handoff"> = {
  "GET /api/health": "public",
  "GET /api/openapi.json": "public",
  "GET /api/session": "public",
  "POST /api/auth/sign-in": "public",
  "POST /api/auth/sign-out": "public",
  "POST /api/auth/setup": "public",
  "GET /api/auth/sso/start": "public",
  "GET /api/auth/sso/callback": "public",
  "GET /api/oauth/connect/:id": "public",
  "POST /api/session/password": "support",
  "GET /api/config": "support",
  "GET /api/connector-names/": "support",
  "GET /api/connectors/": "support",
  "GET /api/connectors/:id": "support",
  "GET /api/connectors/:id/diagnostics": "support",
  "POST /api/connectors/": "admin",
  "DELETE /api/connectors/:id": "admin",
  "PATCH /api/connectors/:id/wizard": "admin",
  "PUT /api/connectors/:id/details": "admin",
  "POST /api/connectors/:id/consent": "admin",
  "POST /api/connectors/:id/checks": "admin",
  "POST /api/connectors/:id/disconnect": "admin",
  "GET /api/users/": "admin",
  "POST /api/users/": "admin",
  "PATCH /api/users/:id": "admin",
  "POST /api/users/:id/password": "admin",
  "DELETE /api/users/:id/sessions": "admin",
  "DELETE /api/users/:id": "admin",
  "GET /api/audit/": "admin",
  "GET /api/activity/": "support",
  "GET /api/activity/export": "support",
  "GET /api/connectors/:id/accounts": "support",
  "GET /api/connectors/:id/activity": "support",
  "GET /api/connectors/:id/activity/export": "support",
  "GET /api/connectors/:id/sync": "support",
  "POST /api/connectors/:id/sync/resync": "admin",
  "PUT /api/connectors/:id/sync/settings": "admin",
  "GET /api/policies/": "support",
  "POST /api/policies/": "admin",
  "GET /api/policies/templates": "support",
  "POST /api/policies/backtest": "admin",
  "GET /api/policies/:id": "support",
  "PUT /api/policies/:id": "admin",
  "DELETE /api/policies/:id": "admin",
  "GET /api/alerts/": "support",
  "GET /api/alerts/:id": "support",
  "POST /api/alerts/:id/status": "admin",
  "POST /api/alerts/bulk-status": "admin",
  "GET /api/notifications/channels": "support",
  "POST /api/notifications/channels": "admin",
  "GET /api/notifications/channels/:id": "support",
  "PUT /api/notifications/channels/:id": "admin",
  "DELETE /api/notifications/channels/:id": "admin",
  "POST /api/notifications/channels/:id/test": "admin",
  "POST /api/notifications/channels/:id/secret": "admin",
  "GET /api/notifications/channels/:id/deliveries": "support",
  "GET /api/connectors/:id/handoff-links": "admin",
  "POST /api/connectors/:id/handoff-links": "admin",
  "DELETE /api/connectors/:id/handoff-links/:linkId": "admin",
  // Opened by a hand-off link's token (or its results ticket), never by a session: test/handoff-scope.test.ts.
  "GET /api/handoff/": "handoff",
  "PUT /api/handoff/connectors/:id/details": "handoff",
  "POST /api/handoff/connectors/:id/consent": "handoff",
  "POST /api/handoff/connectors/:id/checks": "handoff",
  "GET /api/api-tokens/": "admin",
  "POST /api/api-tokens/": "admin",
  "DELETE /api/api-tokens/:id": "admin",
};

/**
 * The routes an API token never opens, whatever its role: the browser session's own routes, the
 * consent pop-up, the token routes themselves, and the users routes that make or strengthen a way
 * to sign in. A route missing here that is marked (or marked and missing) fails the walk.
 */
const SESSION_ONLY = new Set([
  "GET /api/session",
  "POST /api/auth/sign-in",
  "POST /api/auth/sign-out",
  "POST /api/auth/setup",
  "GET /api/auth/sso/start",
  "GET /api/auth/sso/callback",
  "POST /api/session/password",
  "POST /api/connectors/:id/consent",
  "POST /api/users/",
  "PATCH /api/users/:id",
  "POST /api/users/:id/password",
  "GET /api/api-tokens/",
  "POST /api/api-tokens/",
  "DELETE /api/api-tokens/:id",
]);

let h: Harness;
let as: Record<"anonymous" | Role, Client>;
beforeAll(async () => {
  h = await startBff();
  as = { anonymous: h.newClient(), support: await h.signedIn("support"), admin: h.client };
});
afterAll(async () => {
  await h.close();
});

const routesOf = () => walkRoutes(h.app as unknown as Parameters<typeof walkRoutes>[0]);
const SAFE = new Set(["GET", "HEAD"]);
let n = 0;

/** Fresh targets for each call, so an allowed DELETE does not change what the next call sees. */
async function concretePath(path: string): Promise<string> {
  n += 1;
  if (path.includes("/users/:id")) {
    const u = userResponseSchema.parse(
      (await h.client.post(routes.users, { name: `U${n}`, email: `u${n}@example.com`, role: "support", password: "long-enough-pass" })).json(),
    ).user;
    return path.replace(":id", u.id);
  }
  if (path.includes("/api-tokens/:id")) {
    const res = await h.client.post(routes.apiTokens, { name: `RBAC ${n}`, role: "support" });
    return path.replace(":id", res.json<{ token: { id: string } }>().token.id);
  }
  if (path.includes("/notifications/channels/:id")) {
    const res = await h.client.post(routes.notificationChannels, {
      kind: "email",
      name: `RBAC ${n}`,
      recipients: ["soc@example.com"],
      events: ["consent.completed"],
    });
    return path.replace(":id", channelCreatedResponseSchema.parse(res.json()).channel.id);
  }
  if (path.includes(":id")) {
    const c = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: `RBAC ${n}` })).json()).connector;
    if (!path.includes(":linkId")) return path.replace(":id", c.id);
    const link = handoffLinkCreatedResponseSchema.parse((await h.client.post(routes.connectorHandoffLinks(c.id), {})).json()).link;
    return path.replace(":id", c.id).replace(":linkId", link.id);
  }
  return path;
}

/** Sign-out and password changes end the caller's session: those get a browser of their own. */
async function clientFor(who: "anonymous" | Role, path: string): Promise<Client> {
  if (who === "anonymous") return h.newClient();
  return path.startsWith("/api/auth/") || path.startsWith("/api/session/") ? h.signedIn(who) : as[who];
}

describe("route access", () => {
  it("when the router is walked, then every route has a role guard or a public marker, exactly as the matrix says", () => {
    const found = Object.fromEntries(routesOf().map((r) => [`${r.method} ${r.path}`, r.access]));
    expect(found).toEqual(EXPECTED);
    const sessionOnly = routesOf()
      .filter((r) => r.sessionOnly)
      .map((r) => `${r.method} ${r.path}`);
    expect(new Set(sessionOnly)).toEqual(SESSION_ONLY);
  });

  it("when every route is called with a support and an admin API token (no cookie, no CSRF header), then each answers as the matrix says", async () => {
    const tokens = { support: (await h.withToken("support")).client, admin: (await h.withToken("admin")).client };
    const table: string[] = [];
    for (const r of routesOf()) {
      const key = `${r.method} ${r.path}`;
      for (const role of ["support", "admin"] as const) {
        const res = await tokens[role].send(r.method, await concretePath(r.path), SAFE.has(r.method) ? undefined : {});
        const need = EXPECTED[key];
        // A hand-off route wants its link's token (401); a session-only route refuses every API token (403).
        const expected =
          need === "handoff"
            ? 401
            : SESSION_ONLY.has(key)
              ? 403
              : need === "public" || need === "support" || (need === "admin" && role === "admin")
                ? "allowed"
                : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : res.status >= 500 ? `5xx ${res.text}` : "allowed";
        table.push(`${key} with a ${role} token: ${got}${got === expected ? "" : ` (expected ${expected})`}`);
      }
    }
    expect(table.filter((l) => l.includes("expected"))).toEqual([]);
    expect(table.length).toBe(Object.keys(EXPECTED).length * 2);
  }, 120_000);

  it("when every route is called as anonymous, support and admin, then each answers as the matrix says", async () => {
    const table: string[] = [];
    for (const r of routesOf()) {
      for (const who of ["anonymous", "support", "admin"] as const) {
        const path = await concretePath(r.path);
        const res = await (await clientFor(who, r.path)).send(r.method, path, SAFE.has(r.method) ? undefined : {});
        const need = EXPECTED[`${r.method} ${r.path}`];
        const allowed = need === "public" || (need === "support" && who !== "anonymous") || (need === "admin" && who === "admin");
        // A session opens no hand-off route: without the link's token each is 401, signed in or not.
        const expected = allowed ? "allowed" : who === "anonymous" || need === "handoff" ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : res.status >= 500 ? `5xx ${res.text}` : "allowed";
        table.push(`${r.method} ${r.path} as ${who}: ${got}${got === expected ? "" : ` (expected ${expected})`}`);
      }
    }
    expect(table.filter((l) => l.includes("expected"))).toEqual([]);
    expect(table.length).toBe(Object.keys(EXPECTED).length * 3);
  }, 120_000);

  it("when a support user forces an admin action, then nothing changes", async () => {
    const before = (await h.client.get(routes.connectors)).text;
    expect((await as.support.post(routes.connectors, { name: "Forced" })).status).toBe(403);
    expect((await as.support.post(routes.users, { name: "X", email: "x@example.com", role: "admin", password: "long-enough-pass" })).status).toBe(403);
    expect((await h.client.get(routes.connectors)).text).toBe(before);
    expect((await h.client.get(routes.users)).text).not.toContain("x@example.com");
  });
});

describe("CSRF on every state-changing route", () => {
  const changing = () => routesOf().filter((r) => !SAFE.has(r.method));

  it("when a state-changing route is called without the X-CSRF header, then 403 csrf_rejected", async () => {
    for (const r of changing()) {
      const res = await (await clientFor("admin", r.path)).send(r.method, await concretePath(r.path), {}, { "x-csrf": "" });
      expect([r.path, res.status, res.json<{ error: { code: string } }>().error.code]).toEqual([r.path, 403, "csrf_rejected"]);
    }
  }, 120_000);

  it("when a state-changing route is called from another origin, then 403 csrf_rejected", async () => {
    for (const r of changing()) {
      const path = await concretePath(r.path);
      const c = await clientFor("admin", r.path);
      const origin = await c.send(r.method, path, {}, { origin: "https://evil.example" });
      const site = await c.send(r.method, path, {}, { "sec-fetch-site": "cross-site" });
      expect([r.path, origin.status, site.status]).toEqual([r.path, 403, 403]);
    }
  }, 120_000);

  it("when another origin sends a CORS preflight, then no Access-Control-Allow-Origin is granted", async () => {
    const res = await fetch(`${h.url}${routes.connectors}`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "x-csrf" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-headers")).toBeNull();
  });
});
