import { describe, expect, it } from "vitest";
import { AGENTS, ORGANISATION_RANGES, SCENARIO_TASKS } from "../src/activity/catalog";
import { activityClient, allRows } from "./support/activity";
import { labelledIds } from "./support/admin";
import { Browser } from "./support/browser";
import { apiGet, control, useSimulator } from "./support/sim";

// Generated activity: 2000 events over the 8 days before this instant (the default week).
const ctx = useSimulator({ now: () => new Date("2024-06-05T12:00:00Z") });
const FROM = "2024-05-28T12:00:00Z";
const TO = "2024-06-05T12:00:00Z";
// Scenarios are injected after the generated window and after the test's own consent row.
const AT = "2024-06-05T15:00:00Z";
const AT_MS = Date.parse(AT);
const CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const FOREIGN = "185.220.101.23";
const OFFICE = "192.0.2.10";

interface Row {
  requestTime: string;
  systemAccount: string;
  taskId: string;
  taskDisplayName: string;
  activityAction: string;
  ipAddress: string;
  userAgent: string;
  deviceType: string;
  sessionId: string;
  target?: { id: string; descriptor: string; href: string };
}

interface Worker {
  id: string;
  descriptor: string;
  href: string;
  primaryWorkEmail: string;
  isManager: boolean;
}

const inject = (body: Record<string, unknown>, tenant = "acme") => control(ctx.sim, "POST", `/tenants/${tenant}/activity/scenarios`, body);

/** Injects `scenario` at AT and reads the rows of the hour after it, plus the acme workers. */
async function run(scenario: string, extra: Record<string, unknown> = {}) {
  const answer = await inject({ scenario, at: AT, ...extra });
  expect(answer.status).toBe(201);
  const { query, reg, tokens } = await activityClient(ctx.sim);
  const { rows } = await allRows(query, AT, "2024-06-05T16:00:00Z", 1000);
  const workers = await apiGet<{ data: Worker[] }>(`${reg.restApiEndpoint}/workers?limit=100`, tokens.access_token);
  const more = await apiGet<{ data: Worker[] }>(`${reg.restApiEndpoint}/workers?limit=100&offset=100`, tokens.access_token);
  const byUsername = new Map([...workers.json.data, ...more.json.data].map((w) => [w.primaryWorkEmail.split("@")[0] ?? "", w]));
  return { answer: answer.json, rows: rows as unknown as Row[], byUsername, restApiEndpoint: reg.restApiEndpoint };
}

/** The person's usual address and browser, as the generator knows them. */
function usual(username: string): { homeIp: string; userAgent: string } {
  const person = ctx.sim.sim.state.tenants.get("acme")?.activity.directory.people.find((p) => p.username === username);
  if (!person) throw new Error(`no person ${username}`);
  return { homeIp: person.homeIp, userAgent: AGENTS[person.agentIndex]?.userAgent ?? "" };
}

const minutesAfterAt = (rows: Row[]) => rows.map((r) => (Date.parse(r.requestTime) - AT_MS) / 60_000);
const inRanges = (ip: string) => ORGANISATION_RANGES.some((range) => ip.startsWith(`${range}.`));

describe("activity scenarios: the rows each one logs", () => {
  it("when worker-read-burst is injected, then one ordinary worker views 60 different workers, one every 5 s, from home in their usual browser", async () => {
    const { answer, rows, byUsername, restApiEndpoint } = await run("worker-read-burst");
    const account = String(answer.account);
    expect(answer).toEqual({ scenario: "worker-read-burst", account, rows: 60, from: "2024-06-05T15:00:00.000Z", to: "2024-06-05T15:04:55.000Z" });
    expect(account).not.toMatch(/^(admin|isu_wdconnect)$/);
    expect(byUsername.get(account)?.isManager).toBe(false);
    const { homeIp, userAgent } = usual(account);
    expect(rows).toHaveLength(60);
    expect(rows.map((r) => (Date.parse(r.requestTime) - AT_MS) / 1000)).toEqual(Array.from({ length: 60 }, (_, i) => i * 5));
    for (const row of rows) {
      expect(row).toMatchObject({ systemAccount: account, taskDisplayName: "View Worker", activityAction: "READ", ipAddress: homeIp, userAgent });
    }
    const targets = rows.map((r) => r.target);
    expect(new Set(targets.map((t) => t?.id)).size).toBe(60);
    const workerIds = new Map([...byUsername.values()].map((w) => [w.id, w]));
    for (const target of targets) {
      const worker = workerIds.get(target?.id ?? "");
      expect(target).toEqual({ id: worker?.id, descriptor: worker?.descriptor, href: `${restApiEndpoint}/workers/${worker?.id}` });
    }
    expect(targets.map((t) => t?.id)).not.toContain(byUsername.get(account)?.id);
    expect(new Set(rows.map((r) => r.sessionId)).size).toBe(1);
  });

  it("when security-change is injected, then admin logs the three security WRITE tasks one minute apart", async () => {
    const { answer, rows } = await run("security-change");
    expect(answer).toEqual({ scenario: "security-change", account: "admin", rows: 3, from: "2024-06-05T15:00:00.000Z", to: "2024-06-05T15:02:00.000Z" });
    expect(rows.map((r) => [r.systemAccount, r.taskDisplayName, r.activityAction, r.ipAddress, r.userAgent, r.deviceType])).toEqual([
      ["admin", "Maintain Permissions for Security Group", "WRITE", OFFICE, CHROME_ON_WINDOWS, "Desktop"],
      ["admin", "Activate Pending Security Policy Changes", "WRITE", OFFICE, CHROME_ON_WINDOWS, "Desktop"],
      ["admin", "Edit Tenant Setup - Security", "WRITE", OFFICE, CHROME_ON_WINDOWS, "Desktop"],
    ]);
    expect(minutesAfterAt(rows)).toEqual([0, 1, 2]);
    expect(rows.every((r) => r.target === undefined)).toBe(true);
  });

  it("when foreign-address is injected, then an ordinary worker does five ordinary tasks from 185.220.101.23 in their usual browser", async () => {
    const { answer, rows, byUsername } = await run("foreign-address");
    const account = String(answer.account);
    expect(answer).toMatchObject({ scenario: "foreign-address", rows: 5, from: "2024-06-05T15:00:00.000Z", to: "2024-06-05T15:04:00.000Z" });
    expect(byUsername.get(account)?.isManager).toBe(false);
    const { userAgent } = usual(account);
    expect(rows.map((r) => [r.systemAccount, r.taskDisplayName, r.activityAction, r.ipAddress, r.userAgent])).toEqual([
      [account, "Home", "READ", FOREIGN, userAgent],
      [account, "View Pay Slip", "READ", FOREIGN, userAgent],
      [account, "Change Contact Information", "WRITE", FOREIGN, userAgent],
      [account, "My Tasks", "READ", FOREIGN, userAgent],
      [account, "Export to Excel", "OTHER", FOREIGN, userAgent],
    ]);
    expect(minutesAfterAt(rows)).toEqual([0, 1, 2, 3, 4]);
    expect(rows.map((r) => r.target?.id)).toEqual([undefined, byUsername.get(account)?.id, byUsername.get(account)?.id, undefined, undefined]);
  });

  it("when isu-browser is injected, then isu_wdconnect browses Home, Find Workers and View Worker in Chrome on Windows", async () => {
    const { answer, rows, byUsername } = await run("isu-browser");
    expect(answer).toEqual({ scenario: "isu-browser", account: "isu_wdconnect", rows: 3, from: "2024-06-05T15:00:00.000Z", to: "2024-06-05T15:02:00.000Z" });
    expect(rows.map((r) => [r.systemAccount, r.taskDisplayName, r.activityAction, r.ipAddress, r.userAgent, r.deviceType])).toEqual([
      ["isu_wdconnect", "Home", "READ", OFFICE, CHROME_ON_WINDOWS, "Desktop"],
      ["isu_wdconnect", "Find Workers", "READ", OFFICE, CHROME_ON_WINDOWS, "Desktop"],
      ["isu_wdconnect", "View Worker", "READ", OFFICE, CHROME_ON_WINDOWS, "Desktop"],
    ]);
    expect(minutesAfterAt(rows)).toEqual([0, 1, 2]);
    const viewed = [...byUsername.values()].find((w) => w.id === rows[2]?.target?.id);
    expect(viewed?.isManager).toBe(false);
  });

  it("when proxy-session is injected, then admin starts a proxy as a worker, two reads are logged as that worker, and admin stops it", async () => {
    const { answer, rows, byUsername } = await run("proxy-session");
    expect(answer).toEqual({ scenario: "proxy-session", account: "admin", rows: 4, from: "2024-06-05T15:00:00.000Z", to: "2024-06-05T15:03:00.000Z" });
    const worker = rows[1]?.systemAccount ?? "";
    const workerId = byUsername.get(worker)?.id;
    expect(byUsername.get(worker)?.isManager).toBe(false);
    expect(rows.map((r) => [r.systemAccount, r.taskDisplayName, r.activityAction, r.target?.id])).toEqual([
      ["admin", "Start Proxy", "WRITE", workerId],
      [worker, "View Pay Slip", "READ", workerId],
      [worker, "Worker Profile", "READ", workerId],
      ["admin", "Stop Proxy", "WRITE", undefined],
    ]);
    expect(minutesAfterAt(rows)).toEqual([0, 1, 2, 3]);
    expect(rows.every((r) => r.ipAddress === OFFICE && r.userAgent === CHROME_ON_WINDOWS)).toBe(true);
  });

  it("when an account is given, then that account runs the scenario from its own usual address and browser", async () => {
    const workers = ctx.sim.sim.state.tenants.get("acme")?.activity.directory.people ?? [];
    const someone = workers.find((p) => p.isManager && p.agentIndex === 1);
    expect(someone).toBeDefined();
    const { answer, rows } = await run("worker-read-burst", { account: someone?.username });
    expect(answer).toMatchObject({ account: someone?.username, rows: 60 });
    expect(rows.every((r) => r.systemAccount === someone?.username && r.ipAddress === someone.homeIp && r.userAgent === AGENTS[1]?.userAgent)).toBe(true);
    expect(rows.map((r) => r.target?.id)).not.toContain(someone?.id);
  });

  it("when no time is given, then the first row is at the simulator's now and rows are shaped and derived like generated rows", async () => {
    await control(ctx.sim, "POST", "/clock", { advanceSeconds: 3600.25 });
    const answer = await inject({ scenario: "isu-browser" });
    expect(answer.json).toMatchObject({ from: "2024-06-05T13:00:00.250Z", to: "2024-06-05T13:02:00.250Z" });
    const { query } = await activityClient(ctx.sim);
    const scenario = (await query({ from: "2024-06-05T13:00:00Z", to: "2024-06-05T13:03:00Z" })).json.data as unknown as Row[];
    const generated = (await allRows(query, FROM, TO, 1000)).rows as unknown as Row[];
    const generatedView = generated.find((r) => r.taskDisplayName === "View Worker");
    const scenarioView = scenario.find((r) => r.taskDisplayName === "View Worker");
    expect(Object.keys(scenarioView ?? {})).toEqual(Object.keys(generatedView ?? {}));
    expect(scenarioView?.taskId).toBe(generatedView?.taskId);
    expect(scenarioView?.target?.href).toMatch(/\/ccx\/api\/v1\/acme\/workers\/[0-9a-f]{32}$/);
    for (const row of scenario) expect(row.sessionId).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe("activity scenarios: refusals", () => {
  it("when the scenario is unknown or missing, then 400 naming the field and the five allowed values", async () => {
    for (const body of [{ scenario: "data-exfiltration" }, {}]) {
      const res = await inject(body);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe("scenario: must be one of worker-read-burst, security-change, foreign-address, isu-browser, proxy-session");
    }
  });

  it("when at is not an ISO date-time, or a field is unknown, then 400 naming it and nothing is logged", async () => {
    const bad = await inject({ scenario: "security-change", at: "2024-06-05 15:00" });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^at: /);
    const unknown = await inject({ scenario: "security-change", user: "admin" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toContain("user");
    expect((await control<{ activity: { realEvents: number } }>(ctx.sim, "GET", "/tenants/acme")).json.activity.realEvents).toBe(0);
  });

  it("when User Activity Logging is off, then 409 and nothing is logged", async () => {
    const res = await inject({ scenario: "security-change" }, "globex_impl");
    expect(res.status).toBe(409);
    expect(res.json.error).toContain("User Activity Logging is off");
    expect((await control<{ activity: { realEvents: number } }>(ctx.sim, "GET", "/tenants/globex_impl")).json.activity.realEvents).toBe(0);
  });

  it("when the tenant is unknown, then 404", async () => {
    expect((await inject({ scenario: "security-change" }, "nope")).status).toBe(404);
  });
});

/** The most "View Worker" rows one account has within any 10 minutes. */
function maxViewWorkerIn10Minutes(rows: Row[]): number {
  const byAccount = new Map<string, number[]>();
  for (const r of rows)
    if (r.taskDisplayName === "View Worker") byAccount.set(r.systemAccount, [...(byAccount.get(r.systemAccount) ?? []), Date.parse(r.requestTime)]);
  let max = 0;
  for (const times of byAccount.values()) {
    let first = 0;
    for (let last = 0; last < times.length; last++) {
      while ((times[last] ?? 0) - (times[first] ?? 0) >= 10 * 60_000) first++;
      max = Math.max(max, last - first + 1);
    }
  }
  return max;
}

describe("activity scenarios: ordinary traffic stays quiet", () => {
  it("when the default generated week of acme is read, then nothing in it looks like any scenario", async () => {
    const { query } = await activityClient(ctx.sim);
    const rows = (await allRows(query, FROM, TO, 1000)).rows as unknown as Row[];
    expect(rows).toHaveLength(2000);
    const scenarioTasks = new Set(SCENARIO_TASKS.map((t) => t.name));
    expect(rows.filter((r) => scenarioTasks.has(r.taskDisplayName))).toEqual([]);
    expect(rows.filter((r) => !inRanges(r.ipAddress)).map((r) => r.ipAddress)).toEqual([]);
    expect(rows.filter((r) => r.systemAccount === "isu_wdconnect" && r.userAgent.includes("Mozilla"))).toEqual([]);
    expect(rows.some((r) => r.systemAccount === "isu_wdconnect")).toBe(true);
    expect(maxViewWorkerIn10Minutes(rows)).toBeLessThan(30);
  });

  it("when a burst is injected into that week, then the same measure finds it", async () => {
    await inject({ scenario: "worker-read-burst", at: "2024-06-03T17:00:00Z" });
    const { query } = await activityClient(ctx.sim);
    const rows = (await allRows(query, FROM, TO, 1000)).rows as unknown as Row[];
    expect(maxViewWorkerIn10Minutes(rows)).toBeGreaterThanOrEqual(60);
  });
});

describe("activity scenarios: the admin page", () => {
  it("when Inject Scenario is pressed on the tenant page, then the rows are logged and the page says how many and as whom", async () => {
    const b = new Browser();
    const page = await b.get(`${ctx.sim.url}/_sim/tenants/acme`);
    expect(page.text).toContain("<h2>Inject a scenario</h2>");
    for (const name of ["worker-read-burst", "security-change", "foreign-address", "isu-browser", "proxy-session"])
      expect(page.text).toContain(`<option value="${name}"`);
    expect(labelledIds(page.text).filter((f) => !f.labelled)).toEqual([]);
    const posted = await b.submit(page, "Inject Scenario", { scenario: "security-change" });
    expect(posted.status).toBe(303);
    const done = await b.follow(posted);
    expect(done.text).toContain('<p class="ok" role="status">Scenario security-change: 3 rows logged as admin.</p>');
    expect((await control<{ activity: { realEvents: number } }>(ctx.sim, "GET", "/tenants/acme")).json.activity.realEvents).toBe(3);
  });

  it("when the tenant's logging is off, then the page answers 409 saying so", async () => {
    const b = new Browser();
    const res = await b.submit(await b.get(`${ctx.sim.url}/_sim/tenants/globex_impl`), "Inject Scenario", { scenario: "isu-browser" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("User Activity Logging is off");
  });
});
