// Type-aware lint for the whole workspace. Import direction is enforced here so that
// web features stay independent and nothing in web can reach into the bff.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { readdirSync, existsSync } from "node:fs";

// Paths from the workspace root: `pnpm -r lint` runs ESLint inside each package.
const featuresDir = `${import.meta.dirname}/apps/web/src/features`;
const features = existsSync(featuresDir) ? readdirSync(featuresDir) : [];

// The BFF by capability (docs/architecture.md): every folder of apps/bff/src but these is one.
const bffSrc = "apps/bff/src";
const bffShared = ["platform", "store", "cli"];
const capabilities = existsSync(`${import.meta.dirname}/${bffSrc}`)
  ? readdirSync(`${import.meta.dirname}/${bffSrc}`, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !bffShared.includes(e.name))
      .map((e) => e.name)
  : [];

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "**/data/**", "test-results/**", "playwright-report/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } }, "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-floating-promises": "error",
      // Store implementations satisfy an async interface (SQLite is sync, PostgreSQL is not).
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Only the config module reads the environment (apps/bff/src/platform/config/env.ts).",
        },
      ],
    },
  },
  {
    files: [
      "**/src/config/env.ts",
      "apps/bff/src/platform/config/env.ts",
      "**/*.config.ts",
      "**/*.config.js",
      "scripts/**",
      "bench/**",
      "e2e/**",
      "**/test/**",
      "**/src/server.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
    files: ["**/test/**/*.ts", "**/*.test.ts", "**/*.test.tsx", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["eslint.config.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Worker entries stay plain JavaScript so they load without a TypeScript loader (vitest, node).
    files: ["apps/bff/src/**/*-worker.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "import-x/no-restricted-paths": [
        "error",
        {
          // Zones are relative to the workspace root, wherever ESLint runs from.
          basePath: import.meta.dirname,
          zones: [
            { target: "./apps/web", from: "./apps/bff", message: "The SPA never imports the BFF." },
            { target: "./apps/web", from: "./apps/workday-sim", message: "The SPA never imports the simulator." },
            {
              target: "./apps/web/src/components",
              from: ["./apps/web/src/features", "./apps/web/src/app"],
              message: "Shared code never imports features or the app layer.",
            },
            {
              target: "./apps/web/src/lib",
              from: ["./apps/web/src/features", "./apps/web/src/app"],
              message: "Shared code never imports features or the app layer.",
            },
            ...features.map((f) => ({
              target: `./apps/web/src/features/${f}`,
              from: "./apps/web/src/features",
              except: [`./${f}`],
              message: "Features never import each other; compose them in src/app.",
            })),
          ],
        },
      ],
    },
  },
  {
    files: ["apps/bff/src/**/*.ts"],
    rules: {
      "import-x/no-cycle": "error",
      "import-x/no-restricted-paths": [
        "error",
        {
          // Zones are relative to the workspace root, wherever ESLint runs from.
          basePath: import.meta.dirname,
          zones: [
            {
              target: `./${bffSrc}/platform`,
              from: [
                ...capabilities.map((c) => `./${bffSrc}/${c}`),
                `./${bffSrc}/store`,
                `./${bffSrc}/cli`,
                `./${bffSrc}/app.ts`,
                `./${bffSrc}/runtime.ts`,
                `./${bffSrc}/server.ts`,
              ],
              message: "platform/ is shared plumbing: it imports no capability and no composition (store/, app.ts).",
            },
            ...capabilities.flatMap((c) =>
              capabilities
                .filter((other) => other !== c)
                .map((other) => ({
                  target: `./${bffSrc}/${c}`,
                  from: `./${bffSrc}/${other}`,
                  except: ["./index.ts"],
                  message: `A capability uses another only through its public entry: import from "../${other}" (${other}/index.ts), not a file inside it.`,
                })),
            ),
            ...capabilities.map((c) => ({
              target: `./${bffSrc}/${c}`,
              from: [`./${bffSrc}/app.ts`, `./${bffSrc}/runtime.ts`, `./${bffSrc}/server.ts`, `./${bffSrc}/cli`],
              message: "Capabilities never import the composition root; app.ts wires them.",
            })),
          ],
        },
      ],
    },
  },
  {
    files: ["apps/cli/src/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          // Zones are relative to the workspace root, wherever ESLint runs from.
          basePath: import.meta.dirname,
          zones: [
            {
              target: "./apps/cli/src",
              from: ["./apps/bff", "./apps/workday-sim", "./apps/web"],
              message: "The CLI uses the console over HTTP only: it imports contracts and packages/workday, never the BFF, the simulator or the SPA.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/**/*.ts", "apps/workday-sim/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          // Zones are relative to the workspace root, wherever ESLint runs from.
          basePath: import.meta.dirname,
          zones: [
            { target: "./packages/workday", from: ["./packages/contracts", "./apps"], message: "packages/workday imports nothing of ours." },
            { target: "./packages/contracts", from: "./apps", message: "contracts import only zod and packages/workday." },
          ],
        },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@wc/*"], message: "The simulator is an independent model of Workday: import nothing of ours." }] },
      ],
    },
  },
  {
    files: ["packages/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
