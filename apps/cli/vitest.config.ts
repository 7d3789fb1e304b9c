import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // The end-to-end tests run dist/workday-connect.mjs: build it once before any test file.
    globalSetup: ["test/build-once.ts"],
    // Each end-to-end test starts several node processes; on a busy machine that is seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
