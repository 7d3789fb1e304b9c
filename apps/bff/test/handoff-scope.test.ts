import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "@wc/contracts";
import { startBff, type Harness } from "./harness";
import { walkRoutes } from "./routes-walk";
import { createHandoffLink, draftConnector, handoffBrowser } from "./handoff-fixture";

let h: Harness;
beforeAll(async () => {
  h = await startBff({ handoffPerMinute: 10_000 });
});
afterAll(async () => {
  await h.close();
});

const routesOf = () => walkRoutes(h.app as unknown as Parameters<typeof walkRoutes>[0]);
const SAFE = new Set(["GET", "HEAD"]);

describe("hand-off link scope", () => {
  it("when every route outside the hand-off ones is called with a valid hand-off token and no session, then each answers 401 or 403", async () => {
    const c = await draftConnector(h);
    const { token } = await createHandoffLink(h.client, c.id);
    const wd = handoffBrowser(h, token);
    const answers: string[] = [];
    const publicRoutes: string[] = [];
    for (const r of routesOf()) {
      if (r.access === "handoff") continue;
      // Public routes need nothing, so a token adds nothing to them; they are listed below instead.
      if (r.access === "public") {
        publicRoutes.push(`${r.method} ${r.path}`);
        continue;
      }
      // The link's own connector is the one a token could most plausibly open.
      const path = r.path.replace(":id", c.id).replace(":linkId", "x");
      const res = await wd.send(r.method, path, SAFE.has(r.method) ? undefined : {});
      answers.push(`${r.method} ${r.path}: ${res.status === 401 || res.status === 403 ? "refused" : res.status}`);
    }
    expect(answers.filter((a) => !a.endsWith("refused"))).toEqual([]);
    expect(answers.length).toBe(routesOf().filter((r) => r.access !== "handoff" && r.access !== "public").length);
    expect(publicRoutes.sort()).toEqual(
      [
        "GET /api/health",
        "GET /api/openapi.json",
        "GET /api/session",
        "POST /api/auth/sign-in",
        "POST /api/auth/sign-out",
        "POST /api/auth/setup",
        "GET /api/auth/sso/start",
        "GET /api/auth/sso/callback",
        "GET /api/oauth/connect/:id",
      ].sort(),
    );
  });

  it("when the hand-off routes are called with another connector's id, then 403 and neither connector changes", async () => {
    const mine = await draftConnector(h);
    const other = await draftConnector(h);
    const { token } = await createHandoffLink(h.client, mine.id);
    const wd = handoffBrowser(h, token);
    const before = [await h.store.getConnector(mine.id), await h.store.getConnector(other.id)];
    const handoffRoutes = routesOf().filter((r) => r.access === "handoff" && r.path.includes(":id"));
    expect(handoffRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "POST /api/handoff/connectors/:id/checks",
      "POST /api/handoff/connectors/:id/consent",
      "PUT /api/handoff/connectors/:id/details",
    ]);
    for (const r of handoffRoutes) {
      const res = await wd.send(r.method, r.path.replace(":id", other.id), { mode: "popup" });
      expect([r.path, res.status]).toEqual([r.path, 403]);
    }
    expect([await h.store.getConnector(mine.id), await h.store.getConnector(other.id)]).toEqual(before);
  });

  it("when the hand-off routes are called by a signed-in admin without a token, or with a made-up token, then 401", async () => {
    const c = await draftConnector(h);
    for (const res of [
      await h.client.get(routes.handoff),
      await h.client.post(routes.handoffConsent(c.id), { mode: "popup" }),
      await handoffBrowser(h, "A".repeat(43)).get(routes.handoff),
      await handoffBrowser(h, "too-short").get(routes.handoff),
    ]) {
      expect(res.status).toBe(401);
    }
  });

  it("when the link's token is sent as a results ticket, or before consent to the checks, then it opens nothing", async () => {
    const c = await draftConnector(h);
    const { token } = await createHandoffLink(h.client, c.id);
    expect((await handoffBrowser(h, token, "Handoff-Result").get(routes.handoff)).status).toBe(401);
    expect((await handoffBrowser(h, token).post(routes.handoffChecks(c.id))).status).toBe(403);
  });

  it("when a hand-off request comes from another origin or without the CSRF header, then 403 like every state-changing route", async () => {
    const c = await draftConnector(h);
    const { token } = await createHandoffLink(h.client, c.id);
    const wd = handoffBrowser(h, token);
    expect((await wd.post(routes.handoffConsent(c.id), { mode: "popup" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await wd.post(routes.handoffConsent(c.id), { mode: "popup" }, { "x-csrf": "" })).status).toBe(403);
  });
});

describe("hand-off pop-up", () => {
  it("when the consent pop-up lands on /handoff/complete, then it may keep its opener (COOP unsafe-none); /handoff itself keeps same-origin-allow-popups", async () => {
    const complete = await fetch(`${h.url}/handoff/complete?connector=x&outcome=success`);
    expect(complete.headers.get("cross-origin-opener-policy")).toBe("unsafe-none");
    const page = await fetch(`${h.url}/handoff`);
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("hand-off rate limit", () => {
  let limited: Harness;
  beforeAll(async () => {
    // The default limit (30 a minute); X-Forwarded-For from loopback names the client, so addresses can differ.
    limited = await startBff({ trustProxy: ["loopback"] });
  });
  afterAll(async () => {
    await limited.close();
  });

  it("when one link makes its 31st request within a minute, then 429 with Retry-After, from any address; a minute later it works again", async () => {
    const c = await draftConnector(limited);
    const { token } = await createHandoffLink(limited.client, c.id);
    const wd = limited.newClient();
    const from = (i: number) => ({ authorization: `Handoff ${token}`, "x-forwarded-for": `203.0.113.${i}` });
    for (let i = 1; i <= 30; i++) expect((await wd.get(routes.handoff, from(i))).status).toBe(200);
    const refused = await wd.get(routes.handoff, from(31));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain("Too many requests");
    limited.clock.now = new Date(Date.now() + 61_000);
    try {
      expect((await wd.get(routes.handoff, from(32))).status).toBe(200);
    } finally {
      limited.clock.now = null;
    }
  });

  it("when one address tries 31 different tokens within a minute, then the 31st is 429 before any lookup", async () => {
    const wd = limited.newClient();
    const guess = (i: number) => ({ authorization: `Handoff ${String(i).padStart(43, "x")}`, "x-forwarded-for": "198.51.100.7" });
    for (let i = 1; i <= 30; i++) expect((await wd.get(routes.handoff, guess(i))).status).toBe(401);
    expect((await wd.get(routes.handoff, guess(31))).status).toBe(429);
  });
});
