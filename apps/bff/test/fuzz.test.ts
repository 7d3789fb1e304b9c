import { gunzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";
import type { z } from "zod";
import {
  apiErrorSchema,
  apiTokenCreatedResponseSchema,
  changeOwnPasswordRequestSchema,
  channelCreatedResponseSchema,
  connectorResponseSchema,
  createUserRequestSchema,
  policyViewSchema,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  resetPasswordRequestSchema,
  routes,
  signInRequestSchema,
} from "@wc/contracts";
import { createUser } from "../src/auth/users";
import { bodyCases, FIXED_QUERIES, HOSTILE_IDS, HOSTILE_VALUES, QUERY_KEYS, seeded, type BodyCase, type Rng } from "./fuzz-cases";
import { describeEachEngine } from "./each-engine";
import type { Harness } from "./harness";
import { closeRawAgent, rawRequest, type RawAnswer } from "./raw-http";
import { walkRoutes, type RouteInfo } from "./routes-walk";

/**
 * Issue 11: whatever a client sends, the BFF answers below 500; every refusal is the contracts
 * error shape with no-store, and nothing a client sends puts a stack in the log.
 *
 * Each route with an :id gets a fresh draft connector (or a fresh user), which has no Workday
 * details: consent, checks, disconnect and sync answer from our own state (409 not ready) and
 * never call Workday. An unreachable Workday is a legitimate 502, and not what this test is about.
 * Only the details route saves details, and nothing on that connector calls out.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
/** Per route; with every fixed case this comes to about 1,700 requests, a few seconds. */
const PER_ROUTE = { randomCombos: 6, hostileIds: 12, wrongValuesPerField: 6, queriesOnWrites: 5 };

/** A valid-looking body per state-changing route; the fuzz breaks it one way at a time. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  "POST /api/auth/sign-in": { email: "nobody@example.com", password: "not-the-password" },
  "POST /api/auth/sign-out": {},
  "POST /api/auth/setup": { token: "not-the-token", name: "Fuzz Setup", email: "fuzz-setup@example.com", password: "long-enough-pass" },
  "POST /api/session/password": { currentPassword: "not-the-password", newPassword: "another-long-pass" },
  "POST /api/connectors/": { name: "Fuzz connector" },
  "DELETE /api/connectors/:id": {},
  "PATCH /api/connectors/:id/wizard": { wizardStep: "details", prerequisites: { a: true }, tenantSetup: { b: false } },
  "PUT /api/connectors/:id/details": {
    clientId: "client",
    clientSecret: "secret-value",
    restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme",
    tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
    authorizationEndpoint: "https://wd2-impl.workday.com/acme/authorize",
    samlSso: false,
    clientAuthMethod: "client_secret_basic",
    environmentOverride: null,
  },
  "POST /api/connectors/:id/consent": { mode: "popup" },
  "POST /api/connectors/:id/checks": {},
  "POST /api/connectors/:id/disconnect": {},
  "POST /api/users/": { name: "Fuzz User", email: "fuzz-user@example.com", role: "support", password: "long-enough-pass" },
  "PATCH /api/users/:id": { name: "Fuzz Renamed", role: "support" },
  "POST /api/users/:id/password": { password: "long-enough-pass-2" },
  "DELETE /api/users/:id/sessions": {},
  "DELETE /api/users/:id": {},
  "POST /api/connectors/:id/sync/resync": { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" },
  "PUT /api/connectors/:id/sync/settings": { backfillDays: 7, pollIntervalMinutes: 15, lagMinutes: 2, retentionDays: 30 },
  "POST /api/notifications/channels": {
    kind: "webhook",
    name: "Fuzz hook",
    url: "https://hooks.example.com/x",
    format: "standard",
    events: ["connector.status_changed"],
    connectorIds: null,
    enabled: true,
  },
  "PUT /api/notifications/channels/:id": {
    kind: "email",
    name: "Fuzz mail",
    recipients: ["soc@example.com"],
    events: ["activity.stalled"],
    connectorIds: null,
    enabled: true,
  },
  "DELETE /api/notifications/channels/:id": {},
  "POST /api/policies/": { name: "Fuzz policy", severity: "low", condition: { any: [{ field: "taskDisplayName", op: "contains", values: ["Proxy"] }] } },
  "POST /api/policies/backtest": {
    name: "Fuzz policy",
    severity: "low",
    condition: { field: "ipAddress", op: "outside_ranges", values: ["10.0.0.0/8"] },
    threshold: { count: 3, withinMinutes: 10 },
    outsideHours: { timeZone: "Europe/Paris", days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" },
  },
  "PUT /api/policies/:id": { name: "Fuzz policy 2", severity: "high", enabled: false, condition: { field: "systemAccount", op: "matches", values: ["^isu_"] } },
  "DELETE /api/policies/:id": {},
  "POST /api/alerts/:id/status": { status: "dismissed", note: "fuzz" },
  "POST /api/alerts/bulk-status": { filter: { severity: "high" }, from: "open", status: "dismissed", note: "fuzz", count: 3 },
  "POST /api/notifications/channels/:id/test": {},
  "POST /api/notifications/channels/:id/secret": {},
  "POST /api/connectors/:id/handoff-links": { expiresInHours: 24 },
  "DELETE /api/connectors/:id/handoff-links/:linkId": {},
  "POST /api/api-tokens/": { name: "Fuzz script", role: "support", expiresInDays: 30 },
  "DELETE /api/api-tokens/:id": {},
  // Without a hand-off token these stop at the guard (401): handoff.test.ts sends them with one.
  "PUT /api/handoff/connectors/:id/details": { clientId: "client", clientSecret: "secret-value", samlSso: false },
  "POST /api/handoff/connectors/:id/consent": { mode: "popup" },
  "POST /api/handoff/connectors/:id/checks": {},
};

/**
 * Routes where a well-formed body costs a password hash (scrypt, tens to hundreds of ms here):
 * only the one valid sample reaches it; every other case is malformed on purpose, so the run stays short.
 */
const KDF: Record<string, z.ZodType> = {
  "POST /api/auth/sign-in": signInRequestSchema,
  "POST /api/session/password": changeOwnPasswordRequestSchema,
  "POST /api/users/": createUserRequestSchema,
  "POST /api/users/:id/password": resetPasswordRequestSchema,
};

interface Case {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string | undefined;
  label: string;
}

// One engine's run at a time (describe blocks run in turn): the helpers below use its harness.
let h: Harness;
let n = 0;
afterAll(() => closeRawAgent());

const routesOf = () => walkRoutes(h.app as unknown as Parameters<typeof walkRoutes>[0]);
const key = (r: RouteInfo) => `${r.method} ${r.path}`;

/** A fresh real target for the route's :id, so the valid-looking cases reach past "not found". */
async function realId(r: RouteInfo): Promise<string> {
  n += 1;
  if (r.path.startsWith("/api/users/")) {
    // A single sign-on account: no password to hash, so a target costs nothing.
    const users = { store: h.store, now: () => new Date() };
    return (
      await createUser(users, { name: `Fuzz ${n}`, email: `fuzz${n}@example.com`, role: "support", password: null, source: "oidc", ssoSubject: `fuzz-${n}` })
    ).id;
  }
  if (r.path.startsWith("/api/notifications/channels/")) {
    const res = await h.client.post(routes.notificationChannels, {
      kind: "email",
      name: `Fuzz channel ${n}`,
      recipients: ["soc@example.com"],
      events: ["consent.completed"],
    });
    return channelCreatedResponseSchema.parse(res.json()).channel.id;
  }
  if (r.path.startsWith("/api/policies/")) {
    const res = await h.client.post(routes.policies, {
      name: `Fuzz policy ${n}`,
      severity: "low",
      condition: { field: "taskDisplayName", op: "is", values: ["Start Proxy"] },
    });
    return policyViewSchema.parse(res.json()).id;
  }
  if (r.path.startsWith("/api/api-tokens/")) {
    return apiTokenCreatedResponseSchema.parse((await h.client.post(routes.apiTokens, { name: `Fuzz token ${n}`, role: "support", expiresInDays: 30 })).json())
      .token.id;
  }
  return connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: `Fuzz target ${n}` })).json()).connector.id;
}

/** True when `body` would pass the route's schema, so sending it would cost a password hash. */
function reachesKdf(route: string, body: Buffer | string | undefined): boolean {
  const schema = KDF[route];
  if (!schema || body === undefined) return false;
  try {
    const text = typeof body === "string" ? body : gunzipSync(body).toString();
    return schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

function randomQuery(rng: Rng): string {
  const pairs = Array.from({ length: 1 + rng.int(3) }, () => `${rng.pick(QUERY_KEYS)}=${rng.pick(HOSTILE_VALUES)}`);
  return `?${pairs.join("&")}`;
}

/** Every request for one route: hostile ids, fixed and random queries, every malformed body. */
async function casesFor(r: RouteInfo, rng: Rng): Promise<Case[]> {
  const id = r.path.includes(":id") ? await realId(r) : null;
  const at = (segment: string) => r.path.replace(":id", segment);
  const sample = SAMPLES[key(r)];
  const valid: BodyCase = sample
    ? { label: "valid sample", headers: { "content-type": "application/json" }, body: JSON.stringify(key(r) in KDF ? {} : sample) }
    : { label: "no body", headers: {} };
  const bodies = sample ? bodyCases(sample, rng, PER_ROUTE.wrongValuesPerField) : [];
  const base = { route: key(r), method: r.method };
  const out: Case[] = [];
  const ids = id === null ? [] : [...rng.sample(HOSTILE_IDS, PER_ROUTE.hostileIds), id];
  for (const segment of ids) out.push({ ...base, path: at(segment), headers: valid.headers, body: valid.body, label: `id ${segment.slice(0, 24)}` });
  const target = at(id ?? "");
  // Only the GET routes read a query; the others get a few, to show a query never trips them.
  for (const q of r.method === "GET" ? FIXED_QUERIES : rng.sample(FIXED_QUERIES, PER_ROUTE.queriesOnWrites))
    out.push({ ...base, path: target + q, headers: valid.headers, body: valid.body, label: `query ${q}` });
  for (const b of bodies) out.push({ ...base, path: target, headers: b.headers, body: b.body, label: `body ${b.label}` });
  for (let i = 0; i < PER_ROUTE.randomCombos; i++) {
    const path = at(id !== null && rng.next() < 0.5 ? rng.pick(HOSTILE_IDS) : (id ?? "")) + randomQuery(rng);
    const b = sample ? rng.pick(bodies) : valid;
    const accept = rng.next() < 0.3 ? { accept: rng.pick(["application/x-ndjson", "text/html", "*/*", "application/json;q=0"]) } : {};
    out.push({ ...base, path, headers: { ...b.headers, ...accept }, body: b.body, label: `random ${path.slice(0, 60)} ${b.label}` });
  }
  return out.filter((c) => c.label === "body valid sample" || !reachesKdf(c.route, c.body));
}

function isErrorShape(text: string): boolean {
  try {
    return apiErrorSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

/**
 * The redirect-URI self-test (consent/oauth-callback-routes.ts) answers 404 with its own small body when
 * the connector does not exist: the SPA reads that body, so it is a protocol, not an error.
 */
function isSelfTestAnswer(c: Case, res: RawAnswer): boolean {
  if (c.route !== "GET /api/oauth/connect/:id" || res.status !== 404) return false;
  try {
    return (JSON.parse(res.text) as { selftest?: unknown }).selftest === "workday-connect";
  } catch {
    return false;
  }
}

/** What is wrong with one answer; empty when it is fine. */
function problemsOf(c: Case, res: RawAnswer): string[] {
  const where = `${c.route} [${c.label}] → ${res.status}`;
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`${where}: ${res.text.slice(0, 200)}`);
  if (res.headers["cache-control"] !== "no-store") problems.push(`${where}: Cache-Control ${String(res.headers["cache-control"])}`);
  if (res.status >= 400 && !isSelfTestAnswer(c, res)) {
    const type = String(res.headers["content-type"]);
    if (!type.startsWith("application/json") || !isErrorShape(res.text)) problems.push(`${where}: not the error shape (${type}) ${res.text.slice(0, 120)}`);
  }
  return problems;
}

/**
 * On PostgreSQL too: it refuses what SQLite stores (a NUL character in text), so a value that
 * reaches the store unchecked is a 500 there only.
 */
describeEachEngine("route fuzz (seeded)", (bff) => {
  it("when every route gets malformed ids, queries and bodies, then nothing answers 5xx, every refusal is the error shape with no-store, and nothing logs a stack", async () => {
    h = bff();
    const all = routesOf();
    const missing = all.filter((r) => r.method !== "GET" && !(key(r) in SAMPLES)).map(key);
    expect(missing, "give each state-changing route a sample body in SAMPLES").toEqual([]);

    const rng = seeded(SEED);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const r of all) {
      // Sign-out would end the admin's session mid-run; the auth routes are public, so they get none.
      const cookie = r.path.startsWith("/api/auth/") ? {} : { cookie: h.client.cookieHeader() };
      for (const c of await casesFor(r, rng)) {
        const res = await rawRequest(h.url, c.method, c.path, { ...cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE, ...c.headers }, c.body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        problems.push(...problemsOf(c, res));
      }
    }
    const stacks = h.logs.filter((l) => l.includes('"stack"') || l.includes("    at ") || l.includes("unhandled error")).map((l) => l.slice(0, 400));
    expect({ seed: SEED, problems: [...new Set(problems)], stacks }).toEqual({ seed: SEED, problems: [], stacks: [] });
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(sent).toBeGreaterThanOrEqual(1000);
    // The run reached past the guards: valid samples succeeded and each kind of refusal came up.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 201, 204, 303, 400, 401, 404, 409, 413, 415]));
    expect((await h.client.get(routes.connectors)).status, "the admin stayed signed in throughout").toBe(200);
  }, 120_000);
});
