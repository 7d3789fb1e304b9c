import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import { ConfigError, loadEnv } from "./config/env";
import { createKeyring } from "./lib/crypto";
import { resolveEncryptionKey } from "./lib/key-file";
import { createLogger } from "./lib/logger";
import { openStore } from "./store/open-store";

function main() {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(env.logLevel);
  let key;
  try {
    key = resolveEncryptionKey({ encryptionKey: env.encryptionKey, nodeEnv: env.nodeEnv, dataDir: env.dataDir, log });
  } catch (e) {
    log.fatal(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const store = openStore(env.databaseUrl);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const app = createApp({
    publicUrl: env.publicUrl,
    allowedWorkdayHosts: env.allowedWorkdayHosts,
    outboundTimeoutMs: env.outboundTimeoutMs,
    store,
    keyring: createKeyring(key, env.previousEncryptionKeys),
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

main();
