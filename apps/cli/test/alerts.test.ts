import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertListResponseSchema, policyViewSchema, routes } from "@wc/contracts";
import { POLICY_TEMPLATES } from "@wc/workday";
import { connect, preparedConnector, simApi, startStack } from "../../bff/test/sim-fixture";
import { envFor, printed, runCli, type CliRun } from "./cli-fixture";

const DAY = 86_400_000;
const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("alerts, from a script", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let env: Record<string, string>;
  let supportEnv: Record<string, string>;
  let policyId = "";
  const secrets: string[] = [];
  const counts = async () =>
    alertListResponseSchema.parse((await stack.bff.client.get(`${routes.alerts}?policyId=${encodeURIComponent(policyId)}`)).json()).counts;
  const cli = (args: string[], e = env) => runCli(args, e);
  const ok = (run: CliRun) => {
    expect(run.stderr, "stderr").toBe("");
    expect(run.code, "exit code").toBe(0);
  };

  beforeAll(async () => {
    stack = await startStack({ startSyncAfterConsent: true, sim: { activity: { events: 200, days: 8 } } });
    const { bff, sim } = stack;
    // The policy exists before the rows are stored: it applies to rows stored after it.
    const t = POLICY_TEMPLATES.find((x) => x.id === "proxy-session-started");
    if (!t) throw new Error("no proxy template");
    const created = await bff.client.post(routes.policies, { name: "Proxy session started", severity: t.severity, templateId: t.id, ...t.definition });
    policyId = policyViewSchema.parse(created.json()).id;
    for (const days of [5, 3])
      await simApi(sim, "POST", "/tenants/acme/activity/scenarios", { scenario: "proxy-session", at: new Date(Date.now() - days * DAY).toISOString() });
    const { connector } = await preparedConnector(bff, sim, "acme", { name: "Acme production" });
    await connect(bff.client, connector.id);
    await bff.activity.whenIdle(connector.id);
    const admin = await bff.withToken("admin");
    const support = await bff.withToken("support");
    secrets.push(admin.token, support.token);
    env = envFor(bff.url, admin.token);
    supportEnv = envFor(bff.url, support.token);
  });
  afterAll(async () => {
    await stack.close();
  });

  it("when alerts are listed, then a table shows raised, severity, policy, connector, account, rows, status and id, newest first", async () => {
    const run = await cli(["alerts", "list", "--policy", policyId]);
    ok(run);
    const [header, ...rows] = lines(run.stdout);
    expect(header?.split(/\s{2,}/)).toEqual(["RAISED", "SEVERITY", "POLICY", "CONNECTOR", "ACCOUNT", "ROWS", "STATUS", "ID"]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/ UTC {2,}Medium {2,}Proxy session started {2,}Acme production {2,}admin {2,}\d+ {2,}Open {2,}al_[\w-]+$/);

    const limited = await cli(["alerts", "list", "--policy", policyId, "--limit", "1"]);
    ok(limited);
    expect(lines(limited.stdout).at(-1)).toBe("Showing the newest 1 of 2: narrow the filters or raise --limit.");
    const json = await cli(["alerts", "list", "--policy", policyId, "--json"]);
    ok(json);
    const parsed = JSON.parse(json.stdout) as { alerts: { policyId: string }[]; counts: Record<string, number> };
    expect(parsed.alerts.map((a) => a.policyId)).toEqual([policyId, policyId]);
    expect(parsed.counts).toEqual({ open: 2, resolved: 0, dismissed: 0 });
    const none = await cli(["alerts", "list", "--policy", policyId, "--severity", "high"]);
    ok(none);
    expect(none.stdout).toBe("No alerts match.\n");
  });

  it("when the flags are wrong or no filter is named, then exit 2 says what to give and nothing changes", async () => {
    const noFilter = await cli(["alerts", "dismiss", "--note", "x"]);
    expect({ code: noFilter.code, stdout: noFilter.stdout }).toEqual({ code: 2, stdout: "" });
    expect(noFilter.stderr).toBe("error: Name at least one filter (--policy, --severity, --connector, --account), or --all to change every alert.\n");
    const noNote = await cli(["alerts", "resolve", "--policy", policyId]);
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toContain("required option '--note <text>' not specified");
    const badSeverity = await cli(["alerts", "list", "--severity", "urgent"]);
    expect(badSeverity.code).toBe(2);
    expect(badSeverity.stderr).toContain("Allowed choices are low, medium, high");
    const badLimit = await cli(["alerts", "list", "--limit", "0"]);
    expect({ code: badLimit.code, stderr: badLimit.stderr }).toEqual({ code: 2, stderr: "error: --limit must be a whole number from 1 to 10000.\n" });
    expect(await counts()).toEqual({ open: 2, resolved: 0, dismissed: 0 });
  });

  it("when a support token dismisses, then the console's 403 is printed and exit 2; an admin token dismisses both with one note, then reopens them", async () => {
    const refused = await cli(["alerts", "dismiss", "--policy", policyId, "--note", "Planned proxy tests."], supportEnv);
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: 2, stdout: "" });
    expect(lines(refused.stderr)[0]).toMatch(/^error: .*admin/i);
    expect(await counts()).toEqual({ open: 2, resolved: 0, dismissed: 0 });

    const dismissed = await cli(["alerts", "dismiss", "--policy", policyId, "--note", "Planned proxy tests."]);
    ok(dismissed);
    expect(dismissed.stdout).toBe("Dismissed 2 open alerts.\n");
    expect(await counts()).toEqual({ open: 0, resolved: 0, dismissed: 2 });
    const again = await cli(["alerts", "dismiss", "--policy", policyId, "--note", "Again."]);
    ok(again);
    expect(again.stdout).toBe("No open alerts match.\n");

    const reopened = await cli(["alerts", "reopen", "--policy", policyId, "--from", "dismissed", "--json"]);
    ok(reopened);
    expect(JSON.parse(reopened.stdout)).toEqual({ changed: 2 });
    expect(await counts()).toEqual({ open: 2, resolved: 0, dismissed: 0 });
  });

  it("when every run above is done, then no API token appeared in what the CLI printed", () => {
    expect(secrets).toHaveLength(2);
    for (const s of secrets) for (const text of printed) expect(text.includes(s)).toBe(false);
  });
});
