import { describe, expect, it } from "vitest";
import type { CheckResult, ConnectorSummary } from "@wc/contracts";
import { TROUBLESHOOTING } from "@wc/workday";
import { align, cell, checkLine, reasonText, reasonTitle, table } from "../src/format";
import { connectorsTable } from "../src/commands/connectors";
import { statusLine } from "../src/commands/checks";

const summary = (over: Partial<ConnectorSummary>): ConnectorSummary => ({
  id: "c1",
  name: "Acme production",
  status: "connected",
  reasonCode: null,
  tenant: "acme",
  environment: "production",
  wizardStep: "done",
  connectedAt: "2026-03-01T10:00:00.000Z",
  lastSuccessAt: "2026-03-05T14:03:09.000Z",
  createdAt: "2026-03-01T09:00:00.000Z",
  ...over,
});

const check = (over: Partial<CheckResult>): CheckResult => ({
  id: "token",
  ok: true,
  skipped: false,
  reasonCode: null,
  detail: null,
  at: "2026-03-05T14:03:09.000Z",
  durationMs: 12,
  ...over,
});

describe("tables", () => {
  it("when rows differ in width, then each column is as wide as its widest cell and no line ends in spaces", () => {
    expect(
      table(
        ["A", "BB", "C"],
        [
          ["long value", "x", ""],
          ["y", "wider cell", "last"],
        ],
      ),
    ).toBe("A           BB          C\n" + "long value  x\n" + "y           wider cell  last\n");
  });

  it("when a cell holds a line break, a tab or a terminal escape, then it stays on one line and the escape cannot act", () => {
    expect(cell("two\nlines\tand\u001b[31mred")).toBe("two lines and\uFFFD[31mred");
    expect(cell(null)).toBe("—");
    expect(cell("")).toBe("—");
  });

  it("when cells hold non-ASCII names, then columns line up by character, not by byte", () => {
    expect(
      align([
        ["Zürich prod", "x"],
        ["Åland", "y"],
      ]),
    ).toBe("Zürich prod  x\nÅland        y\n");
  });

  it("when connectors are listed, then the table shows name, status label, tenant, environment label, last success in UTC and id", () => {
    const text = connectorsTable([
      summary({}),
      summary({ id: "c2", name: "Acme sandbox", status: "relink_needed", tenant: "acme_sandbox", environment: "sandbox", lastSuccessAt: null }),
      summary({ id: "c3", name: "Draft", status: "pending_configuration", tenant: null, environment: null, lastSuccessAt: null }),
    ]);
    expect(text.split("\n")).toEqual([
      "NAME             STATUS              TENANT        ENVIRONMENT             LAST SUCCESSFUL CHECK  ID",
      "Acme production  Connected           acme          Production              5 Mar 2026, 14:03 UTC  c1",
      "Acme sandbox     Reconnect needed    acme_sandbox  Sandbox/implementation  —                      c2",
      "Draft            Setup not finished  —             —                       —                      c3",
      "",
    ]);
  });
});

describe("reasons and checks", () => {
  it("when a reason code is in the troubleshooting catalogue, then its title is shown with the code; an unknown code shows as itself", () => {
    expect(reasonTitle("refresh_invalid_grant")).toBe(TROUBLESHOOTING.refresh_invalid_grant.title);
    expect(reasonText("refresh_invalid_grant")).toBe(`${TROUBLESHOOTING.refresh_invalid_grant.title} (refresh_invalid_grant)`);
    expect(reasonText("from_a_newer_console")).toBe("from_a_newer_console");
    expect(reasonText(null)).toBeNull();
  });

  it("when checks stream in one by one, then each line is padded to the widest check title so the results line up", () => {
    const lines = [
      checkLine(check({ id: "token" })),
      checkLine(check({ id: "activity_logging", ok: false, reasonCode: "permission_system_auditing", detail: "403 permission denied" })),
      checkLine(check({ id: "workers", ok: false, skipped: true, detail: "Not run: no access token." })),
    ];
    expect(lines).toEqual([
      "Access token           Passed\n",
      `User activity logging  Failed   ${TROUBLESHOOTING.permission_system_auditing.title} (permission_system_auditing). Workday said: 403 permission denied\n`,
      "Workers                Skipped  Not run: no access token.\n",
    ]);
  });

  it("when the checks finish, then the status line gives the label, and the reason's title unless Connected", () => {
    expect(statusLine({ status: "connected", reasonCode: null })).toBe("Status: Connected\n");
    expect(statusLine({ status: "action_required", reasonCode: "permission_system_auditing" })).toBe(
      `Status: Action required in Workday: ${TROUBLESHOOTING.permission_system_auditing.title} (permission_system_auditing)\n`,
    );
  });
});
