import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import { loadRuntime } from "./config/runtime";

async function main() {
  const { env, log, keyring, store } = await loadRuntime();
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
  });
  // A tick of 0 turns the background scheduler off (the browser journeys drive checks themselves).
  const stopBackground = env.healthTickMs > 0 ? app.background.start(env.healthTickMs) : () => undefined;
  const server = app.listen(env.port, () => {
    log.info({ url: env.publicUrl, port: env.port }, `workday-connect console listening; open ${env.publicUrl}`);
  });
  const stop = (signal: string) => {
    log.info({ signal }, "shutting down");
    stopBackground();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

void main();
