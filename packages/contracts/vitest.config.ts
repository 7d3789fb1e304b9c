import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Pure functions with no module state, spies or stubs: one worker runs every file instead of
    // spawning one per file, which was most of this package's run time.
    isolate: false,
  },
});
