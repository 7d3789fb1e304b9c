import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorResponseSchema, routes } from "@wc/contracts";
import { ACCOUNTS, startBff, type Harness } from "./harness";
import { walkRoutes } from "./routes-walk";

describe("over plain http (development)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBff();
  });
  afterAll(async () => {
    await h.close();
  });

  it("when any API answer is sent, then a strict CSP without inline script, frame-ancestors none, nosniff and no-referrer come with it", async () => {
    const res = await h.client.get(routes.connectors);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("when any answer is sent, then X-Frame-Options is DENY, as frame-ancestors 'none' says (not helmet's SAMEORIGIN)", async () => {
    for (const res of [await h.client.get(routes.connectors), await h.newClient().get(routes.connectors), await h.newClient().get("/anything")]) {
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("when any GET route answers, with data or an error, then Cache-Control is no-store", async () => {
    const id = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: "No store" })).json()).connector.id;
    const gets = walkRoutes(h.app as unknown as Parameters<typeof walkRoutes>[0]).filter((r) => r.method === "GET");
    const seen: string[] = [];
    for (const r of gets) {
      const path = r.path.replace(":id", id).replace(/\/$/, "") + (r.path.endsWith("/export") ? "?format=csv" : "");
      for (const res of [await h.client.get(path), await h.newClient().get(path), await h.client.get(`${path}${path.includes("?") ? "&" : "?"}unknown=1`)]) {
        seen.push(`${r.path} ${res.status}: ${res.headers.get("cache-control") ?? "none"}`);
      }
    }
    expect(seen.filter((l) => !l.endsWith(": no-store"))).toEqual([]);
    for (const path of ["/api/nope", routes.connector("missing")]) expect((await h.client.get(path)).headers.get("cache-control")).toBe("no-store");
    const bad = await h.client.post(routes.connectors, { name: "x".repeat(40_000) });
    expect([bad.status, bad.headers.get("cache-control")]).toEqual([413, "no-store"]);
  });

  it("when the console is served over http, then no HSTS is sent (it would break localhost)", async () => {
    expect((await h.client.get(routes.session)).headers.get("strict-transport-security")).toBeNull();
  });

  it("when a body larger than 32 kB or not JSON is posted, then 413/415 in the error shape", async () => {
    const big = await h.client.post(routes.connectors, { name: "x".repeat(40_000) });
    expect(big.status).toBe(413);
    const form = await h.client.send("POST", routes.connectors, "name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
  });
});

describe("behind https", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBff({ publicUrl: "https://connect.example.com" });
  });
  afterAll(async () => {
    await h.close();
  });

  it("when the public URL is https, then HSTS is sent and the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/ and small", async () => {
    const c = h.newClient();
    const res = await c.post(routes.signIn, { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const cookie = res.headers.getSetCookie().find((v) => v.startsWith("__Host-wc_session=")) ?? "";
    expect(cookie).toMatch(/^__Host-wc_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=\d+$/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie.length).toBeLessThan(4096);
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("when a write comes with the https origin, then it passes; with the http origin, then it is cross-origin", async () => {
    const c = await h.signedIn("admin");
    expect((await c.post(routes.connectors, { name: "Same" }, { origin: "https://connect.example.com" })).status).toBe(201);
    expect((await c.post(routes.connectors, { name: "Other" }, { origin: "http://connect.example.com" })).status).toBe(403);
  });
});
