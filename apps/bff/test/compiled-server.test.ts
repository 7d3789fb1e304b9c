import { CSRF_HEADER, CSRF_HEADER_VALUE, routes } from "@wc/contracts";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBff, DIST } from "../scripts/build";
import { startReplica, type Replica } from "./replica-process";

const run = promisify(execFile);
const BFF_DIR = path.resolve(DIST, "..");

/** Production as documented: `pnpm --filter @wc/bff build`, then plain node, no TypeScript loader anywhere. */
describe("the compiled BFF", () => {
  let dataDir: string;
  let web: string;
  let console_: Replica;
  beforeAll(async () => {
    await buildBff();
    dataDir = mkdtempSync(path.join(tmpdir(), "wc-compiled-"));
    web = path.join(dataDir, "web");
    mkdirSync(web);
    writeFileSync(path.join(web, "index.html"), "<!doctype html><title>built</title>");
    console_ = await startReplica(
      { DATA_DIR: dataDir, WEB_DIST_DIR: web, ADMIN_EMAIL: "admin@example.com", ADMIN_PASSWORD: "correct-horse-battery", HEALTH_SCHEDULER_TICK_SECONDS: "0" },
      ["dist/server.mjs"],
    );
  }, 60_000);
  afterAll(async () => {
    console_.kill("SIGTERM");
    await console_.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("when started with node dist/server.mjs, then it answers /api/health, signs the first admin in and serves the SPA", async () => {
    expect((await fetch(`${console_.url}/api/health`)).status).toBe(200);
    const signIn = await fetch(`${console_.url}${routes.signIn}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: `http://localhost:${console_.port}` },
      body: JSON.stringify({ email: "admin@example.com", password: "correct-horse-battery" }),
    });
    expect(signIn.status).toBe(200);
    expect(await (await fetch(`${console_.url}/connectors`)).text()).toContain("<title>built</title>");
  });

  it("when started with plain node (no package manager), then the OpenAPI document names apps/bff/package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(path.join(BFF_DIR, "package.json"), "utf8")) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const doc = (await (await fetch(`${console_.url}/api/openapi.json`)).json()) as { info: { version: string } };
    expect(doc.info.version).toBe(version);
  });

  it("when built, then no TypeScript is left to load: the workspace packages are bundled and the SQLite writer thread's file sits beside the server", () => {
    const server = readFileSync(path.join(DIST, "server.mjs"), "utf8");
    expect(server).not.toMatch(/from\s+"@wc\//);
    expect(readFileSync(path.join(DIST, "sqlite-writer-worker.js"), "utf8")).toBe(
      readFileSync(path.join(BFF_DIR, "src/platform/store/sqlite-writer-worker.js"), "utf8"),
    );
    expect(existsSync(path.join(DIST, "rotate-key.mjs"))).toBe(true);
  });

  it("when the key rotation command runs with node dist/rotate-key.mjs, then it re-seals nothing and exits 0", async () => {
    const { stdout } = await run(process.execPath, ["dist/rotate-key.mjs"], {
      cwd: BFF_DIR,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    });
    expect(stdout).toMatch(/current key id: [0-9a-f]{12}/);
  });
});
