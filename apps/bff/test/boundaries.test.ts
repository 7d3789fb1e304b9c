import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

// The workspace's own lint configuration, run on source text placed at a path inside the BFF, the
// way `pnpm lint` sees a file there (type-aware rules off: they do not decide imports).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith("import-x/")).map((m) => `${m.ruleId}: ${m.message}`);
}

// Each case runs ESLint with type information over a file: seconds of CPU, many more on a busy machine.
describe("the BFF's capability boundaries", { timeout: 60_000 }, () => {
  it("when platform/ imports a capability, then lint refuses it", async () => {
    const problems = await importProblems(
      "apps/bff/src/platform/http/fixture.ts",
      'import { requireAdmin } from "../../auth";\nexport const x = requireAdmin;\n',
    );
    expect(problems).toEqual([expect.stringContaining("platform/ is shared plumbing")]);
  });

  it("when a capability imports a file inside another, then lint refuses it and names the public entry", async () => {
    const problems = await importProblems(
      "apps/bff/src/consent/fixture.ts",
      'import { loadConnector } from "../connectors/connectors";\nexport const x = loadConnector;\n',
    );
    expect(problems).toEqual([expect.stringContaining('import from "../connectors" (connectors/index.ts)')]);
  });

  it("when a capability imports another through its public entry, then lint accepts it", async () => {
    expect(
      await importProblems("apps/bff/src/consent/fixture.ts", 'import { loadConnector } from "../connectors";\nexport const x = loadConnector;\n'),
    ).toEqual([]);
  });

  it("when a capability imports the composition root, then lint refuses it", async () => {
    const problems = await importProblems("apps/bff/src/health/fixture.ts", 'import { createApp } from "../app";\nexport const x = createApp;\n');
    expect(problems).toEqual([expect.stringContaining("Capabilities never import the composition root")]);
  });

  it("when the Workday module imports a capability that imports it back, then lint reports the cycle", async () => {
    // connectors/connectors.ts seals secrets through workday/index.ts, which re-exports workday/secrets.ts.
    const problems = await importProblems(
      "apps/bff/src/workday/secrets.ts",
      'import { loadConnector } from "../connectors";\nexport const x = loadConnector;\n',
    );
    expect(problems).toEqual([expect.stringContaining("import-x/no-cycle")]);
  });
});
