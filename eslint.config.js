// Type-aware lint for the whole workspace. Import direction is enforced here so that
// web features stay independent and nothing in web can reach into the bff.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { readdirSync, existsSync } from "node:fs";

const featuresDir = "apps/web/src/features";
const features = existsSync(featuresDir) ? readdirSync(featuresDir) : [];

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
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } } },
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
          message: "Only the config module reads the environment (src/config/env.ts).",
        },
      ],
    },
  },
  {
    files: ["**/src/config/env.ts", "**/*.config.ts", "**/*.config.js", "scripts/**", "bench/**", "e2e/**", "**/test/**", "**/src/server.ts"],
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
    files: ["packages/**/*.ts", "apps/workday-sim/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./packages/workday", from: ["./packages/contracts", "./apps"], message: "packages/workday imports nothing of ours." },
            { target: "./packages/contracts", from: "./apps", message: "contracts import only zod and packages/workday." },
          ],
        },
      ],
      "no-restricted-imports": ["error", { patterns: [{ group: ["@wc/*"], message: "The simulator is an independent model of Workday: import nothing of ours." }] }],
    },
  },
  {
    files: ["packages/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
