import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DELIVERY_OPTIONS } from "./notifications/dispatcher";
import { createApp } from "./app";
import { answerClientErrors } from "./platform/http/client-error";
import type { Logger } from "pino";
import { loadRuntime } from "./runtime";
import { packageVersion } from "./platform/config/package-version";
import { ensureFirstAdmin, type Bootstrap } from "./auth/bootstrap";
import { startMetricsServer, type MetricsServer } from "./platform/metrics/metrics-http";

async function main() {
  const { env, log, keyring, store } = await loadRuntime();
  announceFirstAdmin(await ensureFirstAdmin({ store, now: () => new Date() }, env.admin, env.publicUrl), log);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const app = createApp({
    publicUrl: env.publicUrl,
    allowedWorkdayHosts: env.allowedWorkdayHosts,
    trustProxy: env.trustProxy,
    outboundTimeoutMs: env.outboundTimeoutMs,
    store,
    keyring,
    log,
    webDistDir: env.webDistDir ?? path.resolve(here, "../../web/dist"),
    version: packageVersion(new URL("../package.json", import.meta.url)),
    health: { intervalMs: env.healthIntervalMs, degradedAfter: env.healthDegradedAfter, concurrency: env.healthConcurrency },
    auth: { ...env.auth, oidc: env.oidc },
    apiTokens: { perMinute: env.apiTokenRequestsPerMinute },
    activity: { defaults: env.activity.defaults, pageSize: env.activity.pageSize, offsetCeiling: env.activity.offsetCeiling, leaseMs: env.activity.leaseMs },
    startSyncAfterConsent: env.activity.tickMs > 0,
    notify: {
      allowedHosts: env.notify.allowedHosts,
      smtp: env.notify.smtp,
      recoveredAfter: env.notify.recoveredAfter,
      stallMinutes: env.notify.stallMinutes,
      sandboxLeadMs: env.notify.sandboxLeadMs,
      timeoutMs: env.notify.timeoutMs,
      retentionDays: env.notify.retentionDays,
      delivery: { ...DEFAULT_DELIVERY_OPTIONS, retryBaseMs: env.notify.retryBaseMs },
    },
    metricsToken: env.metrics.token,
  });
  // Before the main port: a metrics port that is taken stops the start like a taken main port.
  const metricsServer = await startMetrics(env.metrics, app.metrics, log);
  let stopBackground: (graceMs?: number) => Promise<boolean> = async () => true;
  // Express 5 hands a bind error (port taken) to this callback instead of throwing. Background
  // work starts only once listening: a second instance on a taken port must not sync anything.
  const server = app.listen(env.port, (err?: Error) => {
    if (err) {
      log.fatal({ port: env.port, code: (err as NodeJS.ErrnoException).code }, `cannot listen on port ${env.port}: ${err.message}`);
      process.exit(1);
    }
    log.info({ url: env.publicUrl, port: env.port, owner: app.owner }, `workday-connect console listening; open ${env.publicUrl}`);
    // Health rounds, the activity sync (a window interrupted by a restart resumes at once) and session purging.
    stopBackground = app.background.start({ healthMs: env.healthTickMs, activityMs: env.activity.tickMs, notifyMs: env.notify.tickMs });
  });
  answerClientErrors(server);
  // Graceful stop (SIGTERM from an orchestrator): take no new requests or background work, let
  // running work finish and release its leases (another replica picks up the rest), then close.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: no new work; finishing what runs");
    const force = setTimeout(() => {
      log.warn("shutdown took too long; exiting with work unfinished (its leases expire and another replica takes it over)");
      process.exit(1);
    }, 30_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Running syncs stop after their current page (rows and checkpoint commit together) and release their leases.
    const finished = await stopBackground(20_000);
    await closed;
    await metricsServer?.close();
    await store.close();
    log.info({ backgroundFinished: finished }, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/** The METRICS_PORT listener (docs/metrics.md), when configured. The token is never logged, only whether one is set. */
async function startMetrics(
  m: { port: number | null; host: string; token: string | null },
  metrics: Parameters<typeof startMetricsServer>[0]["metrics"],
  log: Logger,
): Promise<MetricsServer | null> {
  if (m.token) log.info("metrics: /metrics on the main port answers the METRICS_TOKEN bearer token");
  if (m.port === null) return null;
  try {
    const server = await startMetricsServer({ host: m.host, port: m.port, metrics, log });
    log.info({ url: server.url }, `metrics listening on ${server.url}`);
    if (!isLoopback(m.host))
      log.warn({ host: m.host }, "metrics: METRICS_HOST is not a loopback address; anyone who reaches it can read the metrics (no token on this port)");
    return server;
  } catch (err) {
    log.fatal(
      { host: m.host, port: m.port, code: (err as NodeJS.ErrnoException).code },
      `cannot listen for metrics on ${m.host}:${m.port}: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
}

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");

/**
 * The setup link is printed on the terminal, not sent to the structured log: it is a one-time
 * credential, and logs are shipped to places a terminal is not.
 */
function announceFirstAdmin(b: Bootstrap, log: Logger) {
  if (b.kind === "created") log.info({ email: b.email }, "created the first admin from ADMIN_EMAIL/ADMIN_PASSWORD");
  if (b.kind === "setup_pending") {
    log.warn({ validUntil: b.expiresAt }, "no account exists yet: another replica started just now printed the one-time setup link; open that one");
  }
  if (b.kind === "setup") {
    log.warn("no account exists yet: open the one-time setup link printed on the terminal to create the first admin");
    process.stdout.write(`\n  Create the first admin (one-time link, valid until ${b.expiresAt}):\n  ${b.link}\n\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
