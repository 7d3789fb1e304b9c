import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import type { Logger } from "pino";
import { loadRuntime } from "./config/runtime";
import { ensureFirstAdmin, type Bootstrap } from "./services/auth/bootstrap";

async function main() {
  const { env, log, keyring, store } = await loadRuntime();
  announceFirstAdmin(await ensureFirstAdmin({ store, now: () => new Date() }, env.admin, env.publicUrl), log);
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
    auth: { ...env.auth, oidc: env.oidc },
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

/**
 * The setup link is printed on the terminal, not sent to the structured log: it is a one-time
 * credential, and logs are shipped to places a terminal is not.
 */
function announceFirstAdmin(b: Bootstrap, log: Logger) {
  if (b.kind === "created") log.info({ email: b.email }, "created the first admin from ADMIN_EMAIL/ADMIN_PASSWORD");
  if (b.kind === "setup") {
    log.warn("no account exists yet: open the one-time setup link printed on the terminal to create the first admin");
    process.stdout.write(`\n  Create the first admin (one-time link, valid until ${b.expiresAt}):\n  ${b.link}\n\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
