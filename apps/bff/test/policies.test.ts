import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alertDetailSchema,
  channelCreatedResponseSchema,
  channelViewSchema,
  alertListResponseSchema,
  alertsStatusResponseSchema,
  alertViewSchema,
  backtestResponseSchema,
  listAuditResponseSchema,
  policiesResponseSchema,
  policyViewSchema,
  routes,
  type PolicyRequest,
} from "@wc/contracts";
import { POLICY_TEMPLATES } from "@wc/workday";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";
import { startReceiver } from "./webhook-receiver";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();
const METRICS_TOKEN = "policies-test-metrics-token-0123456789";
/** `workday_connect_activity_alerts_raised_total{severity}` as scraped. */
async function raisedMetric(severity: string): Promise<number> {
  const text = (await stack.bff.newClient().get("/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })).text;
  const line = text.split("\n").find((l) => l.startsWith(`workday_connect_activity_alerts_raised_total{severity="${severity}"}`));
  return Number(line?.split(" ").at(-1));
}
const ORG_RANGES = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];

let stack: Awaited<ReturnType<typeof startStack>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  stack = await startStack({
    startSyncAfterConsent: true,
    activity: { pageSize: 200 },
    notify: { allowedHosts: receiver.allowEntry },
    metricsToken: METRICS_TOKEN,
  });
});
afterAll(async () => {
  await stack.close();
  await receiver.close();
});

const template = (id: string) => {
  const t = POLICY_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
const fromTemplate = (id: string, over: Partial<PolicyRequest> = {}): PolicyRequest => {
  const t = template(id);
  return { name: `${t.name} ${Math.random()}`, severity: t.severity, templateId: t.id, ...t.definition, ...over };
};

async function createPolicy(body: PolicyRequest) {
  const res = await stack.bff.client.post(routes.policies, body);
  expect(res.status, res.text).toBe(201);
  return policyViewSchema.parse(res.json());
}

async function alertsOf(query: Record<string, string>) {
  const res = await stack.bff.client.get(`${routes.alerts}?${new URLSearchParams(query).toString()}`);
  expect(res.status, res.text).toBe(200);
  return alertListResponseSchema.parse(res.json());
}

/** A connector whose backfill covers `scenarios`, injected in the simulator before consent. */
async function connectedWith(tenant: string, scenarios: { scenario: string; at: string }[]) {
  for (const s of scenarios) await simApi(stack.sim, "POST", `/tenants/${tenant}/activity/scenarios`, s);
  const p = await preparedConnector(stack.bff, stack.sim, tenant);
  await connect(stack.bff.client, p.connector.id);
  await stack.bff.activity.whenIdle(p.connector.id);
  return p.connector.id;
}

describe("policy requests", () => {
  it("when a condition's value list is empty, then 400 names the list that can never match", async () => {
    const res = await stack.bff.client.post(
      routes.policies,
      fromTemplate("proxy-session-started", { condition: { field: "taskDisplayName", op: "is", values: [] } }),
    );
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "validation_failed", fields: { "condition.values": expect.stringContaining("never match") } } });
  });

  it("when a pattern is invalid or a range is not a range, then 400 says which and how to write it", async () => {
    const res = await stack.bff.client.post(
      routes.policies,
      fromTemplate("proxy-session-started", {
        condition: {
          all: [
            { field: "systemAccount", op: "matches", values: ["(isu"] },
            { field: "ipAddress", op: "outside_ranges", values: ["10.0.0.0/33"] },
          ],
        },
      }),
    );
    expect(res.status).toBe(400);
    const fields = res.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields["condition.all.0.values"]).toContain("not a valid pattern");
    expect(fields["condition.all.1.values"]).toContain("192.0.2.0/24");
  });

  it("when the policy names a connector that does not exist, then 400 on that connector", async () => {
    const res = await stack.bff.client.post(routes.policies, fromTemplate("proxy-session-started", { connectorIds: ["nope"] }));
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { "connectorIds.0": expect.stringContaining("nope") } } });
  });

  it("when support reads policies, then it sees them and may not create, change, test or delete one", async () => {
    const p = await createPolicy(fromTemplate("proxy-session-started"));
    const support = await stack.bff.signedIn("support");
    expect(policiesResponseSchema.parse((await support.get(routes.policies)).json()).policies.map((x) => x.id)).toContain(p.id);
    expect((await support.get(routes.policyTemplates)).status).toBe(200);
    expect((await support.post(routes.policies, fromTemplate("proxy-session-started"))).status).toBe(403);
    expect((await support.post(routes.policyBacktest, fromTemplate("proxy-session-started"))).status).toBe(403);
    expect((await support.put(routes.policy(p.id), fromTemplate("proxy-session-started"))).status).toBe(403);
    expect((await support.delete(routes.policy(p.id))).status).toBe(403);
  });

  it("when an admin creates, changes and deletes a policy, then each is in the audit log with what changed", async () => {
    const p = await createPolicy(fromTemplate("proxy-session-started"));
    const changed = await stack.bff.client.put(routes.policy(p.id), fromTemplate("proxy-session-started", { name: p.name, severity: "high" }));
    expect(changed.status, changed.text).toBe(200);
    expect(policyViewSchema.parse(changed.json())).toMatchObject({ severity: "high", updatedBy: "Ada Admin" });
    expect((await stack.bff.client.delete(routes.policy(p.id))).status).toBe(204);
    expect((await stack.bff.client.get(routes.policy(p.id))).status).toBe(404);
    const audit = listAuditResponseSchema.parse((await stack.bff.client.get(`${routes.audit}?targetId=${p.id}`)).json()).entries;
    expect(audit.map((e) => e.action).sort()).toEqual(["policy.created", "policy.deleted", "policy.updated"]);
    expect(audit.find((e) => e.action === "policy.updated")).toMatchObject({ before: { severity: "medium" }, after: { severity: "high" } });
  });
});

describe("alerts from the sync", () => {
  it("when all five templates watch a week of ordinary traffic, then none fires; when each scenario is injected, then exactly its own template fires once", async () => {
    const ids = POLICY_TEMPLATES.map((t) => t.id);
    const policies = new Map<string, string>();
    for (const t of ids) {
      const over =
        t === "address-outside-organisation" ? { condition: { field: "ipAddress" as const, op: "outside_ranges" as const, values: ORG_RANGES } } : {};
      policies.set((await createPolicy(fromTemplate(t, over))).id, t);
    }
    const id = await connectedWith("acme_sandbox", []);
    expect((await alertsOf({ connectorId: id })).alerts.filter((a) => policies.has(a.policyId))).toEqual([]);

    const highBefore = await raisedMetric("high");
    const at = Date.now() - 60 * MIN;
    const scenarios = ["security-change", "worker-read-burst", "foreign-address", "isu-browser", "proxy-session"];
    for (const [i, scenario] of scenarios.entries()) {
      await simApi(stack.sim, "POST", "/tenants/acme_sandbox/activity/scenarios", { scenario, at: iso(at + i * 8 * MIN) });
    }
    const resync = await stack.bff.client.post(routes.connectorResync(id), { from: iso(at - MIN), to: iso(at + 50 * MIN) });
    expect(resync.status, resync.text).toBe(202);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(id);
    // Policies the request tests above left enabled watch this connector too: only these five count here.
    const fired = (await alertsOf({ connectorId: id })).alerts
      .filter((a) => policies.has(a.policyId))
      .map((a) => `${policies.get(a.policyId) ?? ""} ${a.account}`)
      .sort();
    expect(fired).toEqual([
      "address-outside-organisation tara.walsh",
      "integration-user-in-browser isu_wdconnect",
      "many-worker-records-read tara.walsh",
      "proxy-session-started admin",
      "security-configuration-changed admin",
    ]);
    // Two of the five templates are high: security changes and the ISU in a browser.
    expect((await raisedMetric("high")) - highBefore).toBe(2);
  });

  it("when a security change is in the backfill window, then exactly one alert holds its three rows, an activity.alert event is queued, and a re-sync raises nothing more", async () => {
    const channel = await stack.bff.client.post(routes.notificationChannels, { kind: "webhook", name: "SOC", url: receiver.url, events: ["activity.alert"] });
    expect(channel.status, channel.text).toBe(201);
    receiver.useSecret(channelCreatedResponseSchema.parse(channel.json()).signingSecret ?? "");
    const policy = await createPolicy(fromTemplate("security-configuration-changed"));
    const at = iso(Date.now() - 2 * DAY);
    const id = await connectedWith("acme", [{ scenario: "security-change", at }]);
    const { alerts } = await alertsOf({ policyId: policy.id, connectorId: id });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ account: "admin", rowCount: 3, firstRowAt: at, status: "open", severity: "high", policyName: policy.name });
    const detail = alertDetailSchema.parse((await stack.bff.client.get(routes.alert(alerts[0]?.id ?? ""))).json());
    expect(detail.rows.map((r) => r.taskDisplayName)).toEqual([
      "Maintain Permissions for Security Group",
      "Activate Pending Security Policy Changes",
      "Edit Tenant Setup - Security",
    ]);
    const mine = () =>
      receiver.received
        .map((r) => r.payload as { type: string; data: Record<string, unknown> })
        .filter((e) => e.type === "activity.alert" && e.data.policyId === policy.id);
    for (let i = 0; i < 50 && mine().length === 0; i++) await stack.bff.app.background.runDeliveries();
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(mine()).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ alertId: alerts[0]?.id, policyName: policy.name, account: "admin", severity: "high" }),
      }),
    ]);
    // Sent when the alert is raised, with the rows known then (docs/notifications.md: rows added
    // later are not news). A page of the backfill may end between the scenario's rows, one minute
    // apart: the alert is raised with the first of them and the rest join it from the next page.
    const raisedWith = Number(mine()[0]?.data.rowCount);
    expect(raisedWith).toBeGreaterThanOrEqual(1);
    expect(raisedWith).toBeLessThanOrEqual(3);

    const resync = await stack.bff.client.post(routes.connectorResync(id), { from: iso(Date.now() - 3 * DAY), to: iso(Date.now() - DAY) });
    expect(resync.status, resync.text).toBe(202);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(id);
    expect((await alertsOf({ policyId: policy.id, connectorId: id })).alerts).toHaveLength(1);
  });

  it("when one account reads 60 workers in 5 minutes, then the 50-in-10-minutes template raises one alert, and a threshold of 61 stays silent", async () => {
    const burst = await createPolicy(fromTemplate("many-worker-records-read"));
    const above = await createPolicy(fromTemplate("many-worker-records-read", { threshold: { count: 61, withinMinutes: 5 } }));
    const id = await connectedWith("acme", [{ scenario: "worker-read-burst", at: iso(Date.now() - 3 * DAY) }]);
    const fired = (await alertsOf({ policyId: burst.id, connectorId: id })).alerts;
    expect(fired).toHaveLength(1);
    expect(fired[0]?.rowCount).toBeGreaterThanOrEqual(60);
    expect((await alertsOf({ policyId: above.id, connectorId: id })).alerts).toHaveLength(0);
  });

  it("when the organisation's ranges are set, then only the foreign address fires, and an admin resolves it with a note (audited)", async () => {
    const policy = await createPolicy(
      fromTemplate("address-outside-organisation", {
        condition: {
          all: [
            { field: "ipAddress", op: "outside_ranges", values: ORG_RANGES },
            // The consent row comes from this test's loopback address.
            { field: "taskDisplayName", op: "is_not", values: ["Submit OAuth 2.0 Consent (Web Service)"] },
          ],
        },
      }),
    );
    const id = await connectedWith("acme", [{ scenario: "foreign-address", at: iso(Date.now() - DAY) }]);
    const { alerts } = await alertsOf({ policyId: policy.id, connectorId: id });
    expect(alerts).toHaveLength(1);
    const alert = alerts[0];
    expect(alert?.rowCount).toBe(5);
    const noNote = await stack.bff.client.post(routes.alertStatus(alert?.id ?? ""), { status: "resolved" });
    expect(noNote.status).toBe(400);
    expect(noNote.json()).toMatchObject({ error: { fields: { note: expect.stringContaining("note") } } });
    const support = await stack.bff.signedIn("support");
    expect((await support.post(routes.alertStatus(alert?.id ?? ""), { status: "resolved", note: "x" })).status).toBe(403);
    const done = await stack.bff.client.post(routes.alertStatus(alert?.id ?? ""), { status: "resolved", note: "Travelling; confirmed by phone." });
    expect(done.status, done.text).toBe(200);
    expect(alertViewSchema.parse(done.json())).toMatchObject({ status: "resolved", note: "Travelling; confirmed by phone.", closedBy: "Ada Admin" });
    expect((await stack.bff.client.post(routes.alertStatus(alert?.id ?? ""), { status: "resolved", note: "again" })).status).toBe(409);
    const audit = listAuditResponseSchema.parse((await stack.bff.client.get(`${routes.audit}?targetId=${alert?.id ?? ""}`)).json()).entries;
    expect(audit[0]).toMatchObject({ action: "alert.resolved", after: { status: "resolved", note: "Travelling; confirmed by phone." } });
    const counts = (await alertsOf({ policyId: policy.id })).counts;
    expect(counts).toEqual({ open: 0, resolved: 1, dismissed: 0 });

    // Two admins closing it at once: one changes it, the other is told someone else did (409).
    expect((await stack.bff.client.post(routes.alertStatus(alert?.id ?? ""), { status: "open" })).status).toBe(200);
    const both = await Promise.all([
      stack.bff.client.post(routes.alertStatus(alert?.id ?? ""), { status: "resolved", note: "Mine." }),
      stack.bff.client.post(routes.alertStatus(alert?.id ?? ""), { status: "resolved", note: "Theirs." }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const closings = listAuditResponseSchema
      .parse((await stack.bff.client.get(`${routes.audit}?targetId=${alert?.id ?? ""}`)).json())
      .entries.filter((e) => e.action !== "alert.reopened");
    expect(closings).toHaveLength(2);
  });

  it("when an alert was resolved and a re-sync brings in the same activity from days before it, then that raises its own alert", async () => {
    // A tenant of its own: no other test's scenarios in its log, and none of this one's in theirs.
    await simApi(stack.sim, "POST", "/tenants", { name: "resolved_resync", kind: "production", prepared: true });
    const policy = await createPolicy(fromTemplate("proxy-session-started"));
    const id = await connectedWith("resolved_resync", [{ scenario: "proxy-session", at: iso(Date.now() - 2 * DAY) }]);
    const [newest, ...others] = (await alertsOf({ policyId: policy.id, connectorId: id })).alerts;
    expect(others).toHaveLength(0);
    const resolved = await stack.bff.client.post(routes.alertStatus(newest?.id ?? ""), { status: "resolved", note: "Support proxied in, ticket 42." });
    expect(resolved.status, resolved.text).toBe(200);

    // Workday had not logged it yet when the backfill ran (or the connector lacked a permission then).
    const earlier = Date.now() - 3 * DAY - 3 * 60 * MIN;
    await simApi(stack.sim, "POST", "/tenants/resolved_resync/activity/scenarios", { scenario: "proxy-session", at: iso(earlier) });
    const resync = await stack.bff.client.post(routes.connectorResync(id), { from: iso(earlier - 10 * MIN), to: iso(earlier + 10 * MIN) });
    expect(resync.status, resync.text).toBe(202);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(id);
    const open = (await alertsOf({ policyId: policy.id, connectorId: id, status: "open" })).alerts;
    expect(open).toHaveLength(1);
    expect(Math.abs(Date.parse(open[0]?.firstRowAt ?? "") - earlier)).toBeLessThan(5 * MIN);
  });

  it("when a channel takes at most one alert an hour and a backfill raises three, then one is sent, the channel is told its limit held alerts back, and its page says two were", async () => {
    // A tenant of its own, so the alerts counted here are this test's.
    await simApi(stack.sim, "POST", "/tenants", { name: "capped_alerts", kind: "production", prepared: true });
    for (const days of [5, 4, 3]) {
      await simApi(stack.sim, "POST", "/tenants/capped_alerts/activity/scenarios", { scenario: "proxy-session", at: iso(Date.now() - days * DAY) });
    }
    await createPolicy(fromTemplate("proxy-session-started"));
    const p = await preparedConnector(stack.bff, stack.sim, "capped_alerts");
    const created = await stack.bff.client.post(routes.notificationChannels, {
      kind: "webhook",
      name: "SOC, one alert an hour",
      url: receiver.url,
      events: ["activity.alert"],
      connectorIds: [p.connector.id],
      alertHourlyLimit: 1,
    });
    expect(created.status, created.text).toBe(201);
    const { channel, signingSecret } = channelCreatedResponseSchema.parse(created.json());
    receiver.useSecret(signingSecret ?? "");
    await connect(stack.bff.client, p.connector.id);
    await stack.bff.activity.whenIdle(p.connector.id);
    const raised = (await alertsOf({ connectorId: p.connector.id })).alerts;
    expect(raised.length).toBeGreaterThanOrEqual(3);

    const ids = new Set(raised.map((a) => a.id));
    const mine = () =>
      receiver.received.filter((r) => {
        const e = r.payload as { type?: string; data?: { alertId?: string } } | null;
        return e?.type === "activity.alert" && ids.has(e.data?.alertId ?? "");
      });
    for (let i = 0; i < 50 && mine().length === 0; i++) await stack.bff.app.background.runDeliveries();
    for (let i = 0; i < 3; i++) await stack.bff.app.background.runDeliveries();
    expect(mine()).toHaveLength(1);
    expect(mine()[0]?.verified).toBe(true);
    // And told, once, why the other two did not come.
    const notices = receiver.received.filter((r) => {
      const e = r.payload as { type?: string; data?: { channel?: { id?: string } } } | null;
      return e?.type === "activity.alert_limit_reached" && e.data?.channel?.id === channel.id;
    });
    expect(notices.map((r) => (r.payload as { data: Record<string, unknown> }).data)).toEqual([
      expect.objectContaining({ limit: 1, label: "The channel's hourly alert limit held alerts back", url: expect.stringMatching(/\/alerts$/) }),
    ]);
    const view = channelViewSchema.parse((await stack.bff.client.get(routes.notificationChannel(channel.id))).json());
    expect(view).toMatchObject({ alertHourlyLimit: 1, alertsHeldBack: raised.length - 1 });
    expect(view.lastHeldBackAt).not.toBeNull();
  });

  it("when a resolved alert's last row and closing are older than the alert retention, then the scheduled prune deletes it with its rows; an open one stays", async () => {
    const local = await startStack({ startSyncAfterConsent: true, activity: { pageSize: 200, alertRetentionDays: 1 } });
    try {
      const t = template("proxy-session-started");
      const created = await local.bff.client.post(routes.policies, { name: t.name, severity: t.severity, templateId: t.id, ...t.definition });
      const policy = policyViewSchema.parse(created.json());
      for (const days of [5, 3])
        await simApi(local.sim, "POST", "/tenants/acme/activity/scenarios", { scenario: "proxy-session", at: iso(Date.now() - days * DAY) });
      const p = await preparedConnector(local.bff, local.sim, "acme");
      await connect(local.bff.client, p.connector.id);
      await local.bff.activity.whenIdle(p.connector.id);
      const list = async () =>
        alertListResponseSchema.parse((await local.bff.client.get(`${routes.alerts}?policyId=${encodeURIComponent(policy.id)}`)).json()).alerts;
      const [newer, older] = await list();
      expect(older).toBeDefined();
      const resolved = await local.bff.client.post(routes.alertStatus(newer?.id ?? ""), { status: "resolved", note: "Known support session." });
      expect(resolved.status, resolved.text).toBe(200);

      // Two days on: the resolved alert (closed today, last row three days back) is past a day's retention.
      local.bff.clock.now = new Date(Date.now() + 2 * DAY);
      await local.bff.activity.runDue();
      await local.bff.activity.whenIdle(p.connector.id);
      expect((await list()).map((a) => [a.id, a.status])).toEqual([[older?.id, "open"]]);
      expect((await local.bff.client.get(routes.alert(newer?.id ?? ""))).status).toBe(404);
    } finally {
      await local.close();
    }
  });

  it("when a policy is created after the rows were stored, then those rows raise nothing, and the backtest still counts them", async () => {
    const id = await connectedWith("acme", [{ scenario: "proxy-session", at: iso(Date.now() - 4 * DAY) }]);
    const body = fromTemplate("proxy-session-started", { connectorIds: [id] });
    const tested = await stack.bff.client.post(routes.policyBacktest, body);
    expect(tested.status, tested.text).toBe(200);
    const figures = backtestResponseSchema.parse(tested.json());
    expect(figures).toMatchObject({ alerts: 1, rows: 1, truncated: false });
    expect(figures.scanned).toBeGreaterThan(100);
    expect(figures.examples[0]).toMatchObject({ connectorId: id, account: "admin" });
    const policy = await createPolicy(body);
    const resync = await stack.bff.client.post(routes.connectorResync(id), { from: iso(Date.now() - 5 * DAY), to: iso(Date.now() - 3 * DAY) });
    expect(resync.status, resync.text).toBe(202);
    await stack.bff.activity.runDue();
    await stack.bff.activity.whenIdle(id);
    expect((await alertsOf({ policyId: policy.id })).alerts).toHaveLength(0);
  });
});

describe("the alerts list", () => {
  it("when an admin resolves every open alert a filter matches, then all change at once with one audit entry, and a stale count changes nothing (409)", async () => {
    // Created before the connector's rows are stored: a policy applies to rows stored after it.
    const policy = await createPolicy(fromTemplate("proxy-session-started"));
    const id = await connectedWith("acme", [
      { scenario: "proxy-session", at: iso(Date.now() - 5 * DAY) },
      { scenario: "proxy-session", at: iso(Date.now() - 3 * DAY) },
    ]);
    const filter = { policyId: policy.id, connectorId: id };
    // Two of them injected here; the tenant's log may hold earlier tests' too.
    const n = (await alertsOf(filter)).counts.open;
    expect(n).toBeGreaterThanOrEqual(2);
    const bulk = (body: Record<string, unknown>) => stack.bff.client.post(routes.alertsStatus, body);
    const resolveAll = { filter, from: "open", status: "resolved", note: "Proxy test week, planned.", count: n };

    const support = await stack.bff.signedIn("support");
    expect((await support.post(routes.alertsStatus, resolveAll)).status).toBe(403);
    const refused = await Promise.all([
      bulk({ ...resolveAll, note: "" }),
      bulk({ ...resolveAll, status: "open", note: "" }),
      bulk({ ...resolveAll, count: 0 }),
      bulk({ ...resolveAll, filter: { ...filter, severity: "urgent" } }),
      bulk({ ...resolveAll, filter: { ...filter, tenant: "acme" } }),
    ]);
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(refused.map((r) => Object.keys(r.json<{ error: { fields: object } }>().error.fields))).toEqual([
      ["note"],
      ["status"],
      ["count"],
      ["filter.severity"],
      ["filter"],
    ]);

    // The admin was shown one alert fewer than match now (one raised meanwhile): nothing changes.
    const stale = await bulk({ ...resolveAll, count: n - 1 });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: "conflict", message: expect.stringContaining(`${n} open alerts match these filters now, not ${n - 1}`) },
    });
    expect((await alertsOf(filter)).counts).toEqual({ open: n, resolved: 0, dismissed: 0 });

    const done = await bulk(resolveAll);
    expect(done.status, done.text).toBe(200);
    expect(alertsStatusResponseSchema.parse(done.json())).toEqual({ changed: n });
    const after = await alertsOf(filter);
    expect(after.counts).toEqual({ open: 0, resolved: n, dismissed: 0 });
    for (const a of after.alerts) expect(a).toMatchObject({ status: "resolved", note: "Proxy test week, planned.", closedBy: "Ada Admin" });
    const audit = listAuditResponseSchema.parse((await stack.bff.client.get(`${routes.audit}?action=alerts.resolved`)).json()).entries;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      targetType: "alert",
      targetName: `${n} open alerts`,
      before: { status: "open", count: n, policyId: policy.id, connectorId: id },
      after: { status: "resolved", note: "Proxy test week, planned." },
    });

    // Reopened by account, given in another case: the proxy sessions are all the simulator's admin's.
    const account = after.alerts[0]?.account ?? "";
    const reopened = await bulk({ filter: { ...filter, account: account.toUpperCase() }, from: "resolved", status: "open", count: n });
    expect(reopened.status, reopened.text).toBe(200);
    const again = await alertsOf(filter);
    expect(again.counts).toEqual({ open: n, resolved: 0, dismissed: 0 });
    for (const a of again.alerts) expect(a).toMatchObject({ note: null, closedBy: null, closedAt: null });
  });

  it("when alerts span several pages, then the cursor walks them newest first with no repeats and a bad cursor is refused", async () => {
    const all = (await alertsOf({ pageSize: "200" })).alerts;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof alertsOf>> = await alertsOf({ pageSize: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...page.alerts.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((a) => a.id));
    expect((await stack.bff.client.get(`${routes.alerts}?cursor=zzz`)).status).toBe(400);
    expect((await stack.bff.client.get(`${routes.alerts}?severity=urgent`)).status).toBe(400);
    expect((await stack.bff.client.get(routes.alert("al_missing"))).status).toBe(404);
  });
});
