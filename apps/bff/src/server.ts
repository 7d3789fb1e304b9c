import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import { loadRuntime } from "./config/runtime";

function main() {
  const { env, log, keyring, store } = loadRuntime();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const app = createApp({
    publicUrl: env.publicUrl,
    allowedWorkdayHosts: env.allowedWorkdayHosts,
    outboundTimeoutMs: env.outboundTimeoutMs,
    store,
    keyring,
    log,
    webDistDir: env.webDistDir ?? path.resolve(here, "../../web/dist"),
    version: process.env.npm_package_version ?? "dev",
    health: { intervalMs: env.healthIntervalMs, degradedAfter: env.healthDegradedAfter },
    activity: { defaults: env.activity.defaults, pageSize: env.activity.pageSize, offsetCeiling: env.activity.offsetCeiling },
    startSyncAfterConsent: env.activity.tickMs > 0,
  });
  // A tick of 0 turns the background scheduler off (the browser journeys drive checks themselves).
  const stopBackground = env.healthTickMs > 0 ? app.background.start(env.healthTickMs) : () => undefined;
  // Also 0 = off; otherwise a run interrupted by a restart resumes at the first tick.
  const stopActivityTicks = env.activity.tickMs > 0 ? app.background.activity.start(env.activity.tickMs) : () => undefined;
  const server = app.listen(env.port, () => {
    log.info({ url: env.publicUrl, port: env.port }, `workday-connect console listening; open ${env.publicUrl}`);
  });
  const stop = (signal: string) => {
    log.info({ signal }, "shutting down");
    stopBackground();
    stopActivityTicks();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      // A running sync finishes its current page first (rows and checkpoint commit together anyway).
      void app.background.activity
        .stop()
        .then(() => store.close())
        .then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main();
