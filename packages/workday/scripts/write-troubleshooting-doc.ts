// Writes docs/troubleshooting.md from the troubleshooting catalog. Run from the repo root:
//   pnpm exec tsx packages/workday/scripts/write-troubleshooting-doc.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderTroubleshootingMarkdown } from "../src/troubleshooting-markdown";

const target = fileURLToPath(new URL("../../../docs/troubleshooting.md", import.meta.url));
writeFileSync(target, renderTroubleshootingMarkdown());
console.log(`Wrote ${target}`);
