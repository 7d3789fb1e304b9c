import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REASON_CODES, TROUBLESHOOTING } from "../src";
import { renderTroubleshootingMarkdown } from "../src/troubleshooting-markdown";

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/troubleshooting.md");

describe("docs/troubleshooting.md", () => {
  it("when the catalog changes, then the doc must be regenerated (it is compared byte for byte)", () => {
    const expected = renderTroubleshootingMarkdown();
    const actual = readFileSync(doc, "utf8");
    expect(actual === expected, "docs/troubleshooting.md is stale: run pnpm exec tsx packages/workday/scripts/write-troubleshooting-doc.ts").toBe(true);
  });

  it("when rendered, then every reason code has its own section with its steps", () => {
    const md = renderTroubleshootingMarkdown();
    for (const code of REASON_CODES) {
      expect(md).toContain(`Code \`${code}\``);
      expect(md).toContain(TROUBLESHOOTING[code].steps[0] ?? "missing");
    }
  });
});
