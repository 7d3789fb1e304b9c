import { readFileSync } from "node:fs";

/**
 * The console's version: `version` of the package.json at `url` (apps/bff/package.json, read beside
 * src/server.ts or dist/server.mjs alike), so the OpenAPI document and the diagnostics bundle say it
 * however the console was started (npm_package_version exists only under a package manager's
 * scripts). "dev" when it cannot be read.
 */
export function packageVersion(url: URL): string {
  try {
    const pkg = JSON.parse(readFileSync(url, "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" && pkg.version !== "" ? pkg.version : "dev";
  } catch {
    return "dev";
  }
}
