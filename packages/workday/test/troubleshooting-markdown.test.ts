import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks";
import { REASON_CODES } from "../src/reason-codes";
import { TROUBLESHOOTING } from "../src/troubleshooting";
import { TROUBLESHOOTING_DOC_COMMAND, renderTroubleshootingMarkdown } from "../src/troubleshooting-markdown";

const md = renderTroubleshootingMarkdown();
/** The section of one entry: from its heading to the next heading. */
const section = (title: string) => md.slice(md.indexOf(`### ${title}\n`)).split(/\n(?=##)/)[0] ?? "";

describe("renderTroubleshootingMarkdown", () => {
  it("when rendered, then the header says where it comes from and how to regenerate it", () => {
    expect(md.startsWith("# Troubleshooting Workday connectors\n")).toBe(true);
    expect(md).toContain("packages/workday/src/troubleshooting.ts");
    expect(md).toContain(`\`${TROUBLESHOOTING_DOC_COMMAND}\``);
    expect(TROUBLESHOOTING_DOC_COMMAND).toBe("pnpm exec tsx packages/workday/scripts/write-troubleshooting-doc.ts");
  });

  it.each(REASON_CODES)("when %s is rendered, then its section has title, code, status, meaning, causes, steps and reconnect", (code) => {
    const e = TROUBLESHOOTING[code];
    const s = section(e.title);
    expect(s).toContain(`Code \`${code}\``);
    expect(s).toContain(e.status === null ? "Status unchanged" : `Status \`${e.status}\``);
    expect(s).toContain(`Reconnect: ${e.reconnect ? "yes" : "no"}`);
    expect(s).toContain(e.meaning);
    for (const c of e.causes) expect(s).toContain(`- ${c}`);
    e.steps.forEach((step, i) => expect(s).toContain(`${i + 1}. ${step}`));
  });

  it("when an entry concerns a prerequisite, then its section names the row in Workday's words", () => {
    expect(section(TROUBLESHOOTING.permission_system_auditing.title)).toContain("Prerequisite: System › System Auditing (View / Get)");
    expect(section(TROUBLESHOOTING.permission_worker_data.title)).toContain("Worker Data: Staffing › Worker Data: Public Worker Reports");
    expect(section(TROUBLESHOOTING.activity_logging_disabled.title)).toContain(
      "Prerequisite: Edit Tenant Setup – System › User Activity Logging › Enable User Activity Logging",
    );
    expect(section(TROUBLESHOOTING.refresh_invalid_client.title)).toContain("Field: Client Secret");
  });

  it("when rendered, then every title is unique, so each heading is a stable anchor", () => {
    const titles = REASON_CODES.map((c) => TROUBLESHOOTING[c].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("when rendered, then the health checks are listed in order with what they prove", () => {
    const positions = CHECKS.map((c) => md.indexOf(`(\`${c.id}\`)`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("when catalog text holds angle brackets, then they cannot become HTML", () => {
    expect(md).not.toMatch(/<[a-z/]/i);
  });

  it("when rendered twice, then the output is identical and ends with one newline", () => {
    expect(renderTroubleshootingMarkdown()).toBe(md);
    expect(md.endsWith("\n")).toBe(true);
    expect(md.endsWith("\n\n")).toBe(false);
  });
});

describe("docs/troubleshooting.md", () => {
  it("when compared with the catalog, then it is up to date", () => {
    const file = fileURLToPath(new URL("../../../docs/troubleshooting.md", import.meta.url));
    const actual = existsSync(file) ? readFileSync(file, "utf8") : "";
    expect(actual, `docs/troubleshooting.md is missing or out of date: run \`${TROUBLESHOOTING_DOC_COMMAND}\` from the repo root`).toBe(md);
  });
});
