import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIVITY_CSV_COLUMNS,
  activityListResponseSchema,
  activityRowSchema,
  checkStreamLineSchema,
  connectorDetailResponseSchema,
  listConnectorsResponseSchema,
  routes,
  type Connector,
} from "@wc/contracts";
import { TROUBLESHOOTING, formatUtc, isReasonCode } from "@wc/workday";
import { connect, preparedConnector, simApi, startStack } from "../../bff/test/sim-fixture";
import type { Harness } from "../../bff/test/harness";
import { consoleAnswer, envFor, printed, revokeToken, runCli, type CliRun } from "./cli-fixture";

type Stack = Awaited<ReturnType<typeof startStack>>;

/** Every secret made in this file: none may ever appear in what the CLI printed. */
const secrets: string[] = [];
const token = async (h: Harness, role: "admin" | "support", over: { expiresInDays?: number } = {}) => {
  // Through the console's API, as the API tokens page does: the harness's admin creates it.
  const t = await h.withToken(role, over);
  secrets.push(t.token);
  return { id: t.id, secret: t.token };
};

const detail = async (h: Harness, id: string): Promise<Connector> =>
  connectorDetailResponseSchema.parse((await h.client.get(routes.connector(id))).json()).connector;
const title = (reasonCode: string | null) => {
  if (!isReasonCode(reasonCode)) throw new Error(`not a reason code: ${reasonCode}`);
  return TROUBLESHOOTING[reasonCode].title;
};
const lines = (text: string) => text.split("\n").filter((l) => l !== "");
/** When each complete stdout line arrived (ms from the start), from the chunks as they came. */
function lineTimes(run: CliRun): { line: string; at: number }[] {
  const out: { line: string; at: number }[] = [];
  let pending = "";
  for (const chunk of run.chunks) {
    const parts = (pending + chunk.text).split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) out.push({ line, at: chunk.at });
  }
  return out;
}
const ok = (run: CliRun) => {
  expect(run.stderr, "stderr").toBe("");
  expect(run.code, "exit code").toBe(0);
};
/** The console's own refusal, as the CLI must print it: its message on stderr (then the request id), exit 2, nothing on stdout. */
const refusedWith = (run: CliRun, message: string) => {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
  const [first, ...rest] = lines(run.stderr);
  expect(first).toBe(`error: ${message}`);
  expect(rest).toEqual([expect.stringMatching(/^ {2}request id: [\w-]+$/)]);
};

describe("against a console with a healthy and a failing connector", () => {
  let stack: Stack;
  let env: Record<string, string>;
  let supportEnv: Record<string, string>;
  let healthy: string;
  let failing: string;

  beforeAll(async () => {
    stack = await startStack({ startSyncAfterConsent: true, sim: { activity: { events: 300, days: 8 } } });
    const { bff, sim } = stack;
    healthy = (await preparedConnector(bff, sim, "acme", { name: "Acme production" })).connector.id;
    failing = (await preparedConnector(bff, sim, "acme_sandbox", { name: "Acme sandbox" })).connector.id;
    for (const id of [healthy, failing]) {
      await connect(bff.client, id);
      await bff.activity.whenIdle(id);
    }
    // The sandbox loses System Auditing: its next checks put it in Action required.
    await simApi(sim, "PUT", "/tenants/acme_sandbox/permissions/system_auditing", { granted: false });
    await simApi(sim, "POST", "/tenants/acme_sandbox/permissions/activate", {});
    for (const id of [healthy, failing]) expect((await bff.client.post(routes.connectorChecks(id))).status).toBe(200);
    expect(await detail(bff, failing)).toMatchObject({ status: "action_required", reasonCode: "permission_system_auditing" });
    env = envFor(bff.url, (await token(bff, "admin")).secret);
    supportEnv = envFor(bff.url, (await token(bff, "support")).secret);
  });
  afterAll(async () => {
    await stack.close();
  });

  describe("connectors", () => {
    it("when connectors are listed, then a table shows each one's name, status label, tenant, environment, last success and id", async () => {
      const run = await runCli(["connectors", "list"], supportEnv);
      ok(run);
      const [header, ...rows] = lines(run.stdout);
      expect(header).toMatch(/^NAME\s+STATUS\s+TENANT\s+ENVIRONMENT\s+LAST SUCCESSFUL CHECK\s+ID$/);
      const last = formatUtc((await detail(stack.bff, healthy)).lastSuccessAt ?? "");
      expect(rows).toHaveLength(2);
      expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^Acme production\\s+Connected\\s+acme\\s+Production\\s+${last}\\s+${healthy}$`)));
      expect(rows).toContainEqual(
        expect.stringMatching(new RegExp(`^Acme sandbox\\s+Action required in Workday\\s+acme_sandbox\\s+Sandbox/implementation\\s+.+\\s+${failing}$`)),
      );
    });

    it("when --status is given, then only connectors with that status are listed; an unknown status lists the known ones and exits 2", async () => {
      const one = await runCli(["connectors", "list", "--status", "action_required"], supportEnv);
      ok(one);
      expect(lines(one.stdout).slice(1)).toEqual([expect.stringMatching(/^Acme sandbox\s/)]);
      const both = await runCli(["connectors", "list", "--status", "connected,action_required"], supportEnv);
      expect(lines(both.stdout)).toHaveLength(3);
      const none = await runCli(["connectors", "list", "--status", "degraded"], supportEnv);
      ok(none);
      expect(none.stdout).toBe("No connectors with status Degraded.\n");
      const bad = await runCli(["connectors", "list", "--status", "broken"], supportEnv);
      expect(bad).toMatchObject({ code: 2, stdout: "" });
      expect(bad.stderr).toContain('error: Unknown status "broken"');
      expect(bad.stderr).toContain("relink_needed (Reconnect needed)");
    });

    it("when --json is given, then stdout is the console's list, filtered by --status too", async () => {
      const all = await runCli(["connectors", "list", "--json"], supportEnv);
      ok(all);
      expect(new Set(listConnectorsResponseSchema.parse(JSON.parse(all.stdout)).connectors.map((c) => c.id))).toEqual(new Set([healthy, failing]));
      const connected = await runCli(["--json", "connectors", "list", "--status", "connected"], supportEnv);
      expect(listConnectorsResponseSchema.parse(JSON.parse(connected.stdout)).connectors.map((c) => c.id)).toEqual([healthy]);
    });

    it("when a connected connector is shown, then its status, each check's result, last success and next check are printed", async () => {
      const run = await runCli(["connectors", "show", healthy], supportEnv);
      ok(run);
      const c = await detail(stack.bff, healthy);
      expect(run.stdout).toMatch(/^Acme production\n/);
      expect(run.stdout).toMatch(/\n {2}Status:\s+Connected\n/);
      expect(run.stdout).not.toContain("Reason:");
      expect(run.stdout).toContain(`Last success:  ${formatUtc(c.lastSuccessAt ?? "")}`);
      expect(run.stdout).toContain(`Next check:    ${formatUtc(c.nextCheckAt ?? "")}`);
      expect(run.stdout).toMatch(
        /\nChecks:\n {2}Access token\s+Passed\n {2}Workday REST API\s+Passed\n {2}Workers\s+Passed\n {2}User activity logging\s+Passed\n$/,
      );
    });

    it("when a failing connector is shown, then the reason's troubleshooting title and the failed check are printed", async () => {
      const run = await runCli(["connectors", "show", failing], supportEnv);
      ok(run);
      const reason = title("permission_system_auditing");
      expect(run.stdout).toMatch(/\n {2}Status:\s+Action required in Workday\n/);
      expect(run.stdout).toContain(`Reason:        ${reason} (permission_system_auditing)`);
      expect(run.stdout).toMatch(
        new RegExp(`\\n {2}User activity logging\\s+Failed\\s+${reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(permission_system_auditing\\)`),
      );
      const json = await runCli(["connectors", "show", failing, "--json"], supportEnv);
      expect(connectorDetailResponseSchema.parse(JSON.parse(json.stdout)).connector).toMatchObject({ id: failing, status: "action_required" });
    });

    it("when the connector does not exist, then the console's 404 message is printed and the exit code is 2", async () => {
      const answer = await consoleAnswer(stack.bff.url, routes.connector("no-such-connector"), supportEnv.WORKDAY_CONNECT_TOKEN ?? "");
      expect(answer.status).toBe(404);
      refusedWith(await runCli(["connectors", "show", "no-such-connector"], supportEnv), answer.body.error.message);
    });
  });

  describe("checks run", () => {
    it("when checks run, then each check is printed as it finishes, in order, then the final status", async () => {
      // Workday is slow on the last check, so the first three lines must arrive well before it.
      await simApi(stack.sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 1500, count: 2, tenant: "acme" });
      try {
        const run = await runCli(["checks", "run", healthy], env);
        ok(run);
        const times = lineTimes(run);
        expect(times.map((t) => t.line)).toEqual([
          expect.stringMatching(/^Access token\s+Passed$/),
          expect.stringMatching(/^Workday REST API\s+Passed$/),
          expect.stringMatching(/^Workers\s+Passed$/),
          expect.stringMatching(/^User activity logging\s+Passed$/),
          "Status: Connected",
        ]);
        const at = (i: number) => times[i]?.at ?? Number.NaN;
        expect(at(3) - at(2)).toBeGreaterThanOrEqual(700);
      } finally {
        await simApi(stack.sim, "DELETE", "/faults");
      }
    });

    it("when a failing connector's checks run, then the failed check carries its troubleshooting title and the status its reason", async () => {
      const run = await runCli(["checks", "run", failing], env);
      ok(run);
      const reason = `${title("permission_system_auditing")} (permission_system_auditing)`;
      expect(lines(run.stdout).at(-2)).toMatch(/^User activity logging\s+Failed\s+/);
      expect(lines(run.stdout).at(-2)).toContain(reason);
      expect(lines(run.stdout).at(-1)).toBe(`Status: Action required in Workday: ${reason}`);
    });

    it("when checks run with --json, then stdout is the console's NDJSON: four check lines, then done", async () => {
      const run = await runCli(["checks", "run", healthy, "--json"], env);
      ok(run);
      const parsed = lines(run.stdout).map((l) => checkStreamLineSchema.parse(JSON.parse(l)));
      expect(parsed.map((l) => l.type)).toEqual(["check", "check", "check", "check", "done"]);
    });

    it("when a support token runs checks (an admin route), then the console's 403 message is printed and the exit code is 2", async () => {
      const answer = await consoleAnswer(stack.bff.url, routes.connectorChecks(healthy), supportEnv.WORKDAY_CONNECT_TOKEN ?? "", "POST");
      expect(answer.status).toBe(403);
      refusedWith(await runCli(["checks", "run", healthy], supportEnv), answer.body.error.message);
    });
  });

  describe("activity export", () => {
    /** The synced rows, oldest first, and a window of 40 of them. */
    async function window() {
      const res = await stack.bff.client.get(`${routes.connectorActivity(healthy)}?order=asc&pageSize=500`);
      const page = activityListResponseSchema.parse(res.json());
      expect(page.total).toBeGreaterThan(100);
      expect(page.nextCursor).toBeNull();
      const from = page.rows[10]?.requestTime ?? "";
      const to = page.rows[50]?.requestTime ?? "";
      const inside = page.rows.filter((r) => r.requestTime >= from && r.requestTime < to);
      expect(inside.length).toBeGreaterThanOrEqual(30);
      return { all: page.rows, from, to, inside };
    }

    it("when exported as CSV, then stdout is the console's export byte for byte: the header and the rows of the window", async () => {
      const w = await window();
      const run = await runCli(["activity", "export", healthy, "--from", w.from, "--to", w.to, "--format", "csv"], supportEnv);
      ok(run);
      const direct = await stack.bff.client.get(
        `${routes.connectorActivityExport(healthy)}?${new URLSearchParams({ format: "csv", from: w.from, to: w.to }).toString()}`,
      );
      expect(run.stdout).toBe(direct.text);
      const csv = run.stdout.split("\r\n").filter((l) => l !== "");
      expect(csv[0]).toBe(ACTIVITY_CSV_COLUMNS.join(","));
      // An id starting with "-" gets the console's spreadsheet-formula guard, an apostrophe.
      expect(csv.slice(1).map((l) => l.split(",")[0]?.replace(/^'(?=[-=+@])/, ""))).toEqual(w.inside.map((r) => r.id));
    });

    it("when exported as NDJSON, then each line is one activity row, oldest first; without --from/--to, every synced row", async () => {
      const w = await window();
      const windowed = await runCli(["activity", "export", healthy, "--format", "ndjson", "--from", w.from, "--to", w.to], supportEnv);
      ok(windowed);
      expect(lines(windowed.stdout).map((l) => activityRowSchema.parse(JSON.parse(l)))).toEqual(w.inside);
      const everything = await runCli(["activity", "export", healthy, "--format", "ndjson"], supportEnv);
      ok(everything);
      expect(lines(everything.stdout).map((l) => activityRowSchema.parse(JSON.parse(l)).id)).toEqual(w.all.map((r) => r.id));
    });

    it("when --from is after --to, then the flag is named and nothing is asked of the console", async () => {
      const run = await runCli(["activity", "export", healthy, "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-01T00:00:00Z"], supportEnv);
      expect(run).toMatchObject({ code: 2, stdout: "", stderr: "error: --to: From must be before To.\n" });
    });
  });

  describe("bad credentials and addresses", () => {
    it("when the token was revoked, then the console's 401 message is printed and the exit code is 2", async () => {
      const revoked = await token(stack.bff, "admin");
      await revokeToken(stack.bff.client, revoked.id);
      const answer = await consoleAnswer(stack.bff.url, routes.connectors, revoked.secret);
      expect(answer.status).toBe(401);
      refusedWith(await runCli(["connectors", "list"], envFor(stack.bff.url, revoked.secret)), answer.body.error.message);
    });

    it("when the token is unknown to the console, then its 401 message is printed and the exit code is 2", async () => {
      const unknown = `wct_${"Q".repeat(43)}`;
      secrets.push(unknown);
      const answer = await consoleAnswer(stack.bff.url, routes.connectors, unknown);
      expect(answer.status).toBe(401);
      refusedWith(await runCli(["status"], envFor(stack.bff.url, unknown)), answer.body.error.message);
    });

    it("when the token has expired, then the console's 401 message is printed and the exit code is 2", async () => {
      const shortLived = await token(stack.bff, "support", { expiresInDays: 1 });
      stack.bff.clock.now = new Date(Date.now() + 2 * 24 * 3_600_000);
      try {
        const answer = await consoleAnswer(stack.bff.url, routes.connectors, shortLived.secret);
        expect(answer.status).toBe(401);
        refusedWith(await runCli(["connectors", "list"], envFor(stack.bff.url, shortLived.secret)), answer.body.error.message);
      } finally {
        stack.bff.clock.now = null;
      }
    });

    it("when the address or the token is missing, then exit 2 says which variable (or flag) to set", async () => {
      const neither = await runCli(["connectors", "list"], {});
      expect(neither).toMatchObject({ code: 2, stdout: "" });
      expect(neither.stderr).toContain("No console address: set WORKDAY_CONNECT_URL (or pass --url)");
      expect(neither.stderr).toContain("No API token: set WORKDAY_CONNECT_TOKEN (or pass --token");
      const noToken = await runCli(["status"], { WORKDAY_CONNECT_URL: stack.bff.url });
      expect(noToken).toMatchObject({ code: 2, stdout: "" });
      expect(noToken.stderr).toMatch(/^error: No API token: set WORKDAY_CONNECT_TOKEN/);
      expect(noToken.stderr).not.toContain("WORKDAY_CONNECT_URL");
    });

    it("when the flags are given instead of the variables, then they work the same", async () => {
      const run = await runCli(["connectors", "list", "--url", stack.bff.url, "--token", supportEnv.WORKDAY_CONNECT_TOKEN ?? ""]);
      ok(run);
      expect(lines(run.stdout)).toHaveLength(3);
    });

    it("when nothing listens at the address, then the message names the address and the exit code is 2", async () => {
      const port = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, "127.0.0.1", () => {
          const p = (s.address() as { port: number }).port;
          s.close(() => resolve(p));
        });
      });
      const run = await runCli(["status"], envFor(`http://127.0.0.1:${port}`, env.WORKDAY_CONNECT_TOKEN ?? ""));
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toBe(
        `error: Could not reach the console at http://127.0.0.1:${port}: the connection was refused (is the console running, and is that the right port?).\n`,
      );
    });
  });
});

describe("status, for cron and monitoring", () => {
  let stack: Stack;
  let env: Record<string, string>;
  beforeAll(async () => {
    stack = await startStack();
    env = envFor(stack.bff.url, (await token(stack.bff, "admin")).secret);
  });
  afterAll(async () => {
    await stack.close();
  });

  it("when the console has no connectors, then status says so and exits 1: an empty console must not pass a monitoring check", async () => {
    const run = await runCli(["status"], env);
    expect(run).toMatchObject({ code: 1, stderr: "", stdout: "No connectors in this console: nothing is being monitored.\n" });
  });

  it("when every connector is Connected, then status exits 0; after the grant is revoked in Workday and checks ran, it exits 1 with the reason", async () => {
    const { bff, sim } = stack;
    const { connector, reg } = await preparedConnector(bff, sim, "acme", { name: "Acme production" });
    await connect(bff.client, connector.id);
    const green = await runCli(["status"], env);
    expect(green).toMatchObject({ code: 0, stderr: "", stdout: "Connected  Acme production\n" });

    // Workday's "Manage Refresh Tokens for Integrations" → revoke; the cached access token has run out by the next checks.
    await simApi(sim, "POST", `/tenants/acme/clients/${reg.clientId}/revoke-refresh-tokens`, {});
    bff.clock.now = new Date(Date.now() + 2 * 3_600_000);
    try {
      const checks = await runCli(["checks", "run", connector.id], env);
      ok(checks);
      const c = await detail(bff, connector.id);
      expect(c.status).toBe("relink_needed");
      const red = await runCli(["status"], env);
      expect(red).toMatchObject({ code: 1, stderr: "", stdout: `Reconnect needed  Acme production  ${title(c.reasonCode)} (${c.reasonCode})\n` });
      const json = await runCli(["status", "--json"], env);
      expect(json.code).toBe(1);
      expect(listConnectorsResponseSchema.parse(JSON.parse(json.stdout)).connectors).toMatchObject([{ id: connector.id, status: "relink_needed" }]);
    } finally {
      bff.clock.now = null;
    }
  });
});

describe("secrets", () => {
  it("when every run above is done, then no API token ever appeared in the CLI's stdout or stderr", () => {
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    expect(printed.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(printed.filter((text) => text.includes(secret))).toEqual([]);
  });
});
