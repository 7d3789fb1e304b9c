import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, runChecksResponseSchema, routes, checkStreamLineSchema } from "@wc/contracts";
import { TROUBLESHOOTING } from "@wc/workday";
import { transcript } from "./harness";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack({ outboundTimeoutMs: 1000, degradedAfter: 3 });
});
afterAll(async () => {
  await stack.close();
});

async function connected(tenant = "acme") {
  const { bff, sim } = stack;
  const p = await preparedConnector(bff, sim, tenant);
  await connect(bff.client, p.connector.id);
  return p;
}
const runChecks = async (id: string) => runChecksResponseSchema.parse((await stack.bff.client.post(routes.connectorChecks(id))).json());
const detail = async (id: string) => connectorDetailResponseSchema.parse((await stack.bff.client.get(routes.connector(id))).json());
const permission = async (tenant: string, key: string, granted: boolean) => {
  await simApi(stack.sim, "PUT", `/tenants/${tenant}/permissions/${key}`, { granted });
  await simApi(stack.sim, "POST", `/tenants/${tenant}/permissions/activate`, {});
};

describe("checks on a healthy tenant", () => {
  it("when all prerequisites hold, then the four checks pass and the connector stays Connected", async () => {
    const { connector } = await connected();
    const out = await runChecks(connector.id);
    expect(out.checks.map((c) => [c.id, c.ok])).toEqual([
      ["token", true],
      ["rest_api", true],
      ["workers", true],
      ["activity_logging", true],
    ]);
    expect(out.connector).toMatchObject({ status: "connected", reasonCode: null, consecutiveTransientFailures: 0 });
    expect(out.connector.lastSuccessAt).not.toBeNull();
    expect(out.connector.nextCheckAt).not.toBeNull();
  });

  it("when checks are requested as NDJSON, then each check arrives as its own line and the connector last", async () => {
    const { connector } = await connected();
    const res = await stack.bff.client.post(routes.connectorChecks(connector.id), {}, { accept: "application/x-ndjson" });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = res.text
      .trim()
      .split("\n")
      .map((l) => checkStreamLineSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.type)).toEqual(["check", "check", "check", "check", "done"]);
  });
});

describe("definitive failures", () => {
  it("when the authorizing account is disabled, then relink_needed with refresh_invalid_grant, and the troubleshooting entry says View Sign-on History", async () => {
    const { connector } = await connected();
    stack.bff.clock.now = new Date(Date.now() + 2 * 3600_000); // the cached access token has expired
    await simApi(stack.sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    try {
      const out = await runChecks(connector.id);
      expect(out.connector).toMatchObject({ status: "relink_needed", reasonCode: "refresh_invalid_grant" });
      expect(out.connector.lastErrorDetail).toContain("invalid_grant");
      expect(out.checks.slice(1).every((c) => c.skipped)).toBe(true);
      expect(JSON.stringify(TROUBLESHOOTING.refresh_invalid_grant)).toMatch(/Sign-on History/);
      const t = (await detail(connector.id)).timeline.at(-1);
      expect(t).toMatchObject({ from: "connected", to: "relink_needed", reasonCode: "refresh_invalid_grant", actor: "Ada Admin" });
    } finally {
      await simApi(stack.sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
      stack.bff.clock.now = null;
    }
  });

  it("when the client secret is regenerated in Workday, then relink_needed with refresh_invalid_client", async () => {
    const { connector, reg } = await connected();
    await simApi(stack.sim, "POST", `/tenants/acme/clients/${reg.clientId}/secret`, {});
    stack.bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    try {
      expect((await runChecks(connector.id)).connector).toMatchObject({ status: "relink_needed", reasonCode: "refresh_invalid_client" });
    } finally {
      stack.bff.clock.now = null;
    }
  });

  it("when the API client is deleted, then relink_needed with refresh_invalid_client", async () => {
    const { connector, reg } = await connected();
    await simApi(stack.sim, "DELETE", `/tenants/acme/clients/${reg.clientId}`);
    stack.bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    try {
      expect((await runChecks(connector.id)).connector).toMatchObject({ status: "relink_needed", reasonCode: "refresh_invalid_client" });
    } finally {
      stack.bff.clock.now = null;
    }
  });

  it("when System Auditing is removed and activated, then action_required names it; when restored, then Connected again", async () => {
    const { connector } = await connected();
    await permission("acme", "system_auditing", false);
    try {
      const out = await runChecks(connector.id);
      expect(out.connector).toMatchObject({ status: "action_required", reasonCode: "permission_system_auditing" });
      expect(out.checks.find((c) => c.id === "activity_logging")).toMatchObject({ ok: false, reasonCode: "permission_system_auditing" });
      expect(out.checks.find((c) => c.id === "workers")?.ok).toBe(true);
      expect(JSON.stringify(TROUBLESHOOTING.permission_system_auditing)).toMatch(/Activate Pending Security Policy Changes/);
    } finally {
      await permission("acme", "system_auditing", true);
    }
    expect((await runChecks(connector.id)).connector).toMatchObject({ status: "connected", reasonCode: null });
    expect((await detail(connector.id)).timeline.slice(-2).map((t) => t.to)).toEqual(["action_required", "connected"]);
  });

  it("when a permission change is only pending (not activated), then checks still pass: Workday enforces the active policy", async () => {
    const { connector } = await connected();
    await simApi(stack.sim, "PUT", "/tenants/acme/permissions/worker_public_reports", { granted: false });
    try {
      expect((await runChecks(connector.id)).connector.status).toBe("connected");
      await simApi(stack.sim, "POST", "/tenants/acme/permissions/activate", {});
      expect((await runChecks(connector.id)).connector).toMatchObject({ status: "action_required", reasonCode: "permission_worker_data" });
    } finally {
      await permission("acme", "worker_public_reports", true);
    }
  });

  it("when User Activity Logging is turned off, then action_required with activity_logging_disabled", async () => {
    const { connector } = await connected();
    await simApi(stack.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: false });
    try {
      expect((await runChecks(connector.id)).connector).toMatchObject({ status: "action_required", reasonCode: "activity_logging_disabled" });
    } finally {
      await simApi(stack.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: true });
    }
  });

  it("when a sandbox is refreshed, then sandbox_refreshed; Reconnect keeps the same connector and history and ends Connected", async () => {
    const { connector } = await connected("acme_sandbox");
    expect((await detail(connector.id)).connector.environment).toBe("sandbox");
    await simApi(stack.sim, "POST", "/tenants/acme_sandbox/sandbox-refresh", { mode: "tokens" });
    stack.bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    try {
      expect((await runChecks(connector.id)).connector).toMatchObject({ status: "relink_needed", reasonCode: "sandbox_refreshed" });
    } finally {
      stack.bff.clock.now = null;
    }
    await connect(stack.bff.client, connector.id);
    const after = await detail(connector.id);
    expect(after.connector).toMatchObject({ id: connector.id, status: "connected" });
    expect(after.timeline.map((t) => t.to)).toEqual(["pending_configuration", "pending_authorization", "connected", "relink_needed", "connected"]);
  });
});

describe("a revoked cached access token", () => {
  it("when a sandbox refresh revokes the cached access token, then the 401 leads to one refresh whose answer names the cause", async () => {
    const { connector } = await connected("acme_sandbox");
    await simApi(stack.sim, "POST", "/tenants/acme_sandbox/sandbox-refresh", { mode: "tokens" });
    const out = await runChecks(connector.id);
    expect(out.checks[0]).toMatchObject({ id: "token", ok: true });
    expect(out.checks.find((c) => c.id === "workers")).toMatchObject({ ok: false, reasonCode: "sandbox_refreshed" });
    expect(out.connector).toMatchObject({ status: "relink_needed", reasonCode: "sandbox_refreshed" });
  });
});

describe("transient failures", () => {
  it("when Workday answers 503 three times in a row, then degraded only at the third; a success brings it back; the refresh token is untouched", async () => {
    const { connector } = await connected();
    const before = (await stack.bff.store.getConnector(connector.id))?.refreshTokenEnc;
    await simApi(stack.sim, "POST", "/faults", { route: "workers", kind: "status", status: 503, count: 3 });
    expect((await runChecks(connector.id)).connector).toMatchObject({ status: "connected", consecutiveTransientFailures: 1 });
    expect((await runChecks(connector.id)).connector).toMatchObject({ status: "connected", consecutiveTransientFailures: 2 });
    const third = await runChecks(connector.id);
    expect(third.connector).toMatchObject({ status: "degraded", reasonCode: "workday_unavailable", consecutiveTransientFailures: 3 });
    expect((await runChecks(connector.id)).connector).toMatchObject({ status: "connected", consecutiveTransientFailures: 0 });
    expect((await stack.bff.store.getConnector(connector.id))?.refreshTokenEnc).toBe(before);
  });

  it("when the token endpoint fails transiently on refresh, then the stored refresh token is kept and the next check recovers", async () => {
    const { connector } = await connected();
    const before = (await stack.bff.store.getConnector(connector.id))?.refreshTokenEnc;
    stack.bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    try {
      await simApi(stack.sim, "POST", "/faults", { route: "token", kind: "reset", count: 1 });
      const out = await runChecks(connector.id);
      expect(out.checks[0]).toMatchObject({ id: "token", ok: false, reasonCode: "workday_unavailable" });
      expect(out.connector.status).toBe("connected");
      expect((await stack.bff.store.getConnector(connector.id))?.refreshTokenEnc).toBe(before);
      expect((await runChecks(connector.id)).connector).toMatchObject({ status: "connected", consecutiveTransientFailures: 0 });
    } finally {
      stack.bff.clock.now = null;
    }
  });

  it("when Workday answers 429 with Retry-After, then the next check waits at least that long", async () => {
    const { connector } = await connected();
    await simApi(stack.sim, "POST", "/faults", { route: "activityLogging", kind: "rate_limit", retryAfterSeconds: 120, count: 1 });
    const before = Date.now();
    const out = await runChecks(connector.id);
    expect(out.checks.find((c) => c.id === "activity_logging")).toMatchObject({ ok: false, reasonCode: "rate_limited" });
    expect(Date.parse(out.connector.nextCheckAt ?? "") - before).toBeGreaterThanOrEqual(119_000);
  });

  it("when ten checks need a new access token at once, then Workday sees a single refresh", async () => {
    const { connector, reg } = await connected();
    await simApi(stack.sim, "DELETE", "/token-log");
    stack.bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    try {
      await Promise.all(Array.from({ length: 10 }, () => stack.bff.client.post(routes.connectorChecks(connector.id))));
      const log = await simApi<unknown>(stack.sim, "GET", "/token-log");
      expect(JSON.stringify(log)).toContain(reg.clientId);
      expect(countRefreshes(log, reg.clientId)).toBe(1);
    } finally {
      stack.bff.clock.now = null;
    }
  });
});

describe("scheduled checks", () => {
  it("when a connector is due, then the scheduler checks it; relink_needed connectors are left for an admin", async () => {
    const { connector } = await connected();
    await stack.bff.store.updateConnector(connector.id, { nextCheckAt: new Date(Date.now() - 1000).toISOString(), lastCheckAt: null });
    const relink = await connected();
    await stack.bff.store.updateConnector(relink.connector.id, {
      status: "relink_needed",
      nextCheckAt: new Date(Date.now() - 1000).toISOString(),
      lastCheckAt: null,
    });
    await stack.bff.runDueChecks();
    expect((await stack.bff.store.getConnector(connector.id))?.lastCheckAt).not.toBeNull();
    expect((await stack.bff.store.getConnector(relink.connector.id))?.lastCheckAt).toBeNull();
  });
});

describe("disconnect, diagnostics, self-test, same-tenant guard", () => {
  it("when an admin disconnects, then tokens are deleted, the history stays, and checks are refused", async () => {
    const { connector } = await connected();
    const res = await stack.bff.client.post(routes.connectorDisconnect(connector.id));
    expect(res.status).toBe(200);
    const stored = await stack.bff.store.getConnector(connector.id);
    expect(stored).toMatchObject({ status: "disconnected", reasonCode: "disconnected_by_admin", refreshTokenEnc: null, accessTokenEnc: null });
    expect((await detail(connector.id)).timeline.at(-1)).toMatchObject({ to: "disconnected" });
    expect((await stack.bff.client.post(routes.connectorChecks(connector.id))).status).toBe(409);
    expect(JSON.stringify(TROUBLESHOOTING.disconnected_by_admin)).toMatch(/Manage Refresh Tokens for Integrations/);
  });

  it("when the diagnostics bundle is downloaded, then it has status, timeline, checks and each prerequisite ticked vs proved, but no secret", async () => {
    const { connector, reg } = await connected();
    await runChecks(connector.id);
    const res = await stack.bff.client.get(routes.connectorDiagnostics(connector.id));
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const body = res.json<{ connector: { status: string; lastChecks: unknown[] }; timeline: unknown[] }>();
    expect(body.connector.status).toBe("connected");
    expect(body.connector.lastChecks).toHaveLength(4);
    expect(body.timeline.length).toBeGreaterThan(1);
    expect(res.text).not.toContain(reg.clientSecret);
    // The checks proved what the admin never ticked: support sees both.
    const setup = res.json<{ setup: { key: string; ticked: boolean; lastCheck: string }[] }>().setup;
    expect(setup.find((r) => r.key === "system_auditing")).toEqual({ key: "system_auditing", ticked: false, lastCheck: "verified" });
    expect(setup.find((r) => r.key === "security_administration")?.lastCheck).toBe("not_checked");
    expect(res.text).not.toMatch(/Enc"|refresh_token|access_token/);
  });

  it("when the redirect URI is fetched with ?selftest=1, then this deployment answers for that connector", async () => {
    const { connector } = await connected();
    const res = await stack.bff.client.get(`${routes.oauthCallback(connector.id)}?selftest=1`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ selftest: "workday-connect", connectorId: connector.id });
  });

  it("when a connected connector's endpoints are changed to another tenant, then 409 and nothing changes", async () => {
    const { connector, reg } = await connected();
    const res = await stack.bff.client.put(routes.connectorDetails(connector.id), {
      clientId: reg.clientId,
      restApiEndpoint: reg.restApiEndpoint.replace("/acme", "/acme_sandbox"),
      tokenEndpoint: reg.tokenEndpoint.replace("/acme/", "/acme_sandbox/"),
      authorizationEndpoint: reg.authorizationEndpoint.replace("/acme/", "/acme_sandbox/"),
      samlSso: false,
    });
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/Create a new connector/);
    expect((await stack.bff.store.getConnector(connector.id))?.status).toBe("connected");
  });

  it("when the health tests are over, then no token or secret appeared in any response or log line", async () => {
    const secrets: string[] = [];
    for (const c of await stack.bff.store.listConnectors()) {
      for (const [field, value] of [
        ["clientSecret", c.clientSecretEnc],
        ["refreshToken", c.refreshTokenEnc],
        ["accessToken", c.accessTokenEnc],
      ] as const) {
        if (value) secrets.push(stack.bff.keyring.decrypt(value, `connector:${c.id}:${field}`));
      }
    }
    expect(secrets.length).toBeGreaterThan(10);
    const haystack = [...transcript, ...stack.bff.logs].join("\n");
    for (const s of secrets) expect(haystack.includes(s)).toBe(false);
  });
});

function countRefreshes(log: unknown, clientId: string): number {
  const text = JSON.stringify(log);
  const entries = Array.isArray(log) ? log : typeof log === "object" && log !== null ? Object.values(log).find(Array.isArray) : undefined;
  if (!Array.isArray(entries)) throw new Error(`unexpected token-log shape: ${text.slice(0, 300)}`);
  return entries
    .filter((e: unknown) => JSON.stringify(e).includes(clientId) && JSON.stringify(e).includes("refresh_token"))
    .reduce((n: number, e: unknown) => n + (typeof e === "object" && e !== null && "count" in e && typeof e.count === "number" ? e.count : 1), 0);
}
