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
  let stopBackground = () => undefined as void;
  let stopActivityTicks = () => undefined as void;
  // Express 5 hands a bind error (port taken) to this callback instead of throwing. Background
  // work starts only once listening: a second instance on a taken port must not sync anything.
  const server = app.listen(env.port, (err?: Error) => {
    if (err) {
      log.fatal({ port: env.port, code: (err as NodeJS.ErrnoException).code }, `cannot listen on port ${env.port}: ${err.message}`);
      process.exit(1);
    }
    log.info({ url: env.publicUrl, port: env.port }, `workday-connect console listening; open ${env.publicUrl}`);
    // A tick of 0 turns a scheduler off (the browser journeys drive checks themselves).
    if (env.healthTickMs > 0) stopBackground = app.background.start(env.healthTickMs);
    // Otherwise a window interrupted by a restart resumes at the first activity tick.
    if (env.activity.tickMs > 0) stopActivityTicks = app.background.activity.start(env.activity.tickMs);
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
