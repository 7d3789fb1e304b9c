import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Fixed loopback ports away from the run command's defaults, so a running demo does not interfere.
// WC_E2E_PORT_OFFSET (a small number, e.g. 3) shifts them all, so two checkouts can run the
// journeys side by side. Not 20: 4190 is one of the ports browsers refuse to fetch.
const OFFSET = Number(process.env.WC_E2E_PORT_OFFSET ?? 0);
if (!Number.isInteger(OFFSET) || OFFSET < 0 || OFFSET > 60 || OFFSET === 20) throw new Error("WC_E2E_PORT_OFFSET must be a whole number 0–60, not 20");
const BFF_PORT = 3100 + OFFSET;
// A second console on the same simulator with background activity sync on (the other journeys
// inject counted faults that a background sync would consume).
const SYNC_BFF_PORT = 3200 + OFFSET;
const SIM_PORT = 4100 + OFFSET;
/** A webhook receiver the notifications journey starts (e2e/notifications.spec.ts). */
const RECEIVER_PORT = 4170 + OFFSET;
/** The console with 10,000 connectors that the list journey starts itself (e2e/connectors-scale.spec.ts). */
const SCALE_BFF_PORT = 3300 + OFFSET;
// Evaluated again in each worker: the runner's directory is handed down through the environment.
const dataDir = process.env.WC_E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "wc-e2e-"));
process.env.WC_E2E_DATA_DIR = dataDir;
export const E2E = {
  bffUrl: `http://localhost:${BFF_PORT}`,
  syncBffUrl: `http://localhost:${SYNC_BFF_PORT}`,
  simUrl: `http://localhost:${SIM_PORT}`,
  simServicesUrl: `http://127.0.0.1:${SIM_PORT}`,
  receiverPort: RECEIVER_PORT,
  // 127.0.0.1, not localhost: its session cookie must not replace the journeys' on localhost.
  scaleBffPort: SCALE_BFF_PORT,
  scaleBffUrl: `http://127.0.0.1:${SCALE_BFF_PORT}`,
  /** Every line the BFF logged during the run, for the secret-leak scan. */
  bffLogFile: path.join(dataDir, "bff.log"),
  /** The run's first admin (ADMIN_EMAIL/ADMIN_PASSWORD) and the support user the journeys add. */
  admin: { email: "admin@example.com", password: "correct-horse-battery" },
  support: { email: "support@example.com", password: "support-password-1" },
  /** The admin's signed-in browser state, written once by e2e/auth.setup.ts for the journeys. */
  adminState: path.join(dataDir, "admin-state.json"),
};

export default defineConfig({
  testDir: "./e2e",
  // The journeys start signed in as the admin (one sign-in, stored); the roles spec signs in itself.
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts$/ },
    { name: "activity", testMatch: /activity\.spec\.ts$/, use: { baseURL: `http://localhost:${SYNC_BFF_PORT}` } },
    {
      name: "journeys",
      testMatch: /\.spec\.ts$/,
      testIgnore: /(auth|activity)\.spec\.ts$/,
      dependencies: ["sign-in"],
      use: { storageState: path.join(dataDir, "admin-state.json") },
    },
    { name: "roles", testMatch: /auth\.spec\.ts$/ },
  ],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // No retries: a journey that fails once has a race to find, and a retry would hide it.
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  use: {
    baseURL: E2E.bffUrl,
    trace: "on-first-retry",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: "node --import tsx src/server.ts",
      cwd: "apps/workday-sim",
      url: `${E2E.simServicesUrl}/_sim/api/tenants`,
      env: { WORKDAY_SIM_PORT: String(SIM_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // The journeys inject counted faults; a background check or sync must not consume them.
    consoleServer({ port: BFF_PORT, publicUrl: E2E.bffUrl, dataDir, log: "bff.log", activityTick: "0" }),
    consoleServer({ port: SYNC_BFF_PORT, publicUrl: E2E.syncBffUrl, dataDir: path.join(dataDir, "sync"), log: "sync-bff.log", activityTick: "1" }),
  ],
});

/** One console process for the journeys; its log is tee'd into the run's directory for the leak scan. */
function consoleServer(o: { port: number; publicUrl: string; dataDir: string; log: string; activityTick: string }) {
  return {
    command: `node --import tsx src/server.ts 2>&1 | tee -a ${JSON.stringify(path.join(dataDir, o.log))}`,
    cwd: "apps/bff",
    url: `http://127.0.0.1:${o.port}/api/health`,
    env: {
      NODE_ENV: "test",
      PORT: String(o.port),
      PUBLIC_URL: o.publicUrl,
      DATA_DIR: o.dataDir,
      ALLOWED_WORKDAY_HOSTS: `http://localhost:${SIM_PORT},http://127.0.0.1:${SIM_PORT}`,
      NOTIFY_ALLOWED_HOSTS: `http://127.0.0.1:${RECEIVER_PORT}`,
      NOTIFY_TICK_SECONDS: "0.5",
      LOG_LEVEL: "info",
      HEALTH_SCHEDULER_TICK_SECONDS: "0",
      ACTIVITY_SCHEDULER_TICK_SECONDS: o.activityTick,
      WEB_DIST_DIR: path.resolve("apps/web/dist"),
      // The first admin of this run's fresh store (e2e/support.ts signs in with it).
      ADMIN_EMAIL: E2E.admin.email,
      ADMIN_PASSWORD: E2E.admin.password,
    },
    reuseExistingServer: false,
    timeout: 60_000,
  };
}
