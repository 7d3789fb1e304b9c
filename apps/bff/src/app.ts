import express from "express";
import { existsSync } from "node:fs";
import { CHECK_IDS, makeDetailsRequestSchema } from "@wc/contracts";
import { isHostAllowed, parseHostAllowList } from "@wc/workday";
import type { Logger } from "pino";
import { AppError } from "./platform/http/app-error";
import type { TrustProxy } from "./platform/http/trust-proxy";
import type { Keyring } from "./platform/crypto/crypto";
import { createOutboundFetch, type FetchLike } from "./platform/outbound/outbound-fetch";
import { securityHeaders } from "./platform/http/security-headers";
import { csrfGuard } from "./platform/http/csrf";
import { errorHandler } from "./platform/http/error-handler";
import { jsonBody } from "./platform/http/json-body";
import { noStore } from "./platform/http/no-store";
import { compressAnswers } from "./platform/http/compress-answers";
import { serveSpa } from "./platform/http/serve-spa";
import { requestContext } from "./platform/http/request-context";
import { sessionMiddleware } from "./auth/session-middleware";
import { auditRouter } from "./audit/audit-routes";
import { authRouter, type AuthRouteDeps } from "./auth/auth-routes";
import { usersRouter } from "./auth/users-routes";
import { purgeSessions, type SessionDeps } from "./auth/sessions";
import { createSso, type OidcOptions } from "./auth/sso";
import { connectorsRouter } from "./connectors/connectors-routes";
import { connectorNamesRouter } from "./connectors/connector-names-routes";
import { healthRouter, metaRouter, openApiRouter } from "./meta/meta-routes";
import { oauthCallbackRouter } from "./consent/oauth-callback-routes";
import type { ConsentDeps } from "./consent/consent";
import { runDueChecks, type HealthDeps, type HealthOptions } from "./health/health";
import { newOwnerId } from "./platform/background/leased";
import { createScheduler } from "./platform/background/scheduler";
import { createTokenService, type WorkdayDeps } from "./workday/token-service";
import { connectorActionsRouter } from "./connectors/connector-actions-routes";
import type { Store } from "./store/types";
import { activityRouter, connectorActivityRouter } from "./activity/activity-routes";
import { DEFAULT_ACTIVITY_OPTIONS, type ActivityDeps, type ActivityOptions } from "./activity/activity-deps";
import { createActivitySync } from "./activity/activity-scheduler";
import { createMetrics } from "./platform/metrics/metrics";
import { mountMetrics } from "./platform/metrics/metrics-http";
import { countRequests, routeTemplates } from "./platform/metrics/route-templates";
import { storedFigures } from "./stored-metrics";
import { notificationsRouter } from "./notifications/notification-routes";
import { createSender } from "./notifications/senders";
import { DEFAULT_DELIVERY_OPTIONS, runDeliveries, type DeliveryOptions } from "./notifications/dispatcher";
import { queueReminders } from "./notifications/reminders";
import { pruneDeliveryLog } from "./notifications/log-retention";
import { handoffConsentHooks } from "./handoff";
import { handoffRouter } from "./handoff/handoff-routes";
import { handoffAdminRouter } from "./handoff/handoff-admin-routes";
import type { HandoffRateLimit } from "./handoff/handoff-guard";
import { apiTokenAuth, auditTokenRefusals, type ApiTokenRateLimit } from "./api-tokens/api-token-auth";
import { apiTokenRouter } from "./api-tokens/api-token-routes";
import { alertsRouter, createPolicyMatcher, policiesRouter } from "./policies";

/** Activity pages hold up to 1000 rows (~0.6 MB in the simulator); the general 1 MB cap would be tight. */
const SYNC_MAX_BYTES = 16 * 1024 * 1024;

export interface AppDeps {
  publicUrl: string;
  allowedWorkdayHosts: string;
  outboundTimeoutMs: number;
  store: Store;
  keyring: Keyring;
  log: Logger;
  now?: () => Date;
  /** Replaces the guarded outbound fetch (tests only pass the guarded one wrapped). */
  fetch?: FetchLike;
  webDistDir?: string | undefined;
  /** Proxies whose X-Forwarded-For names the client (audit addresses, per-address sign-in limits). */
  trustProxy?: TrustProxy;
  version?: string;
  health?: Partial<HealthOptions>;
  activity?: Partial<ActivityOptions>;
  /** Start the activity backfill as soon as a consent succeeds (server.ts: unless the scheduler is off). */
  startSyncAfterConsent?: boolean;
  auth?: Partial<AuthOptions>;
  /** This replica's name in the leases table (default: host, pid and a random suffix). */
  owner?: string;
  /** METRICS_TOKEN: /metrics on this port for `Authorization: Bearer <token>`; none: /metrics is 404 here. */
  metricsToken?: string | null;
  /** prom-client's process metrics (default on; each app that has them runs an event-loop monitor for good). */
  processMetrics?: boolean;
  notify?: Partial<NotifyOptions>;
  /** Requests per minute on the hand-off routes, per link and per client address (default 30). */
  handoff?: Partial<HandoffRateLimit>;
  /** Requests per minute per API token (API_TOKEN_REQUESTS_PER_MINUTE, default 600). */
  apiTokens?: Partial<ApiTokenRateLimit>;
}

/** Notification settings (NOTIFY_*, SMTP_URL; docs/notifications.md). */
export interface NotifyOptions {
  allowedHosts: string;
  smtp: { url: string; from: string } | null;
  recoveredAfter: number;
  stallMinutes: number;
  sandboxLeadMs: number;
  timeoutMs: number;
  /** Days the delivery log is kept (NOTIFY_RETENTION_DAYS). */
  retentionDays: number;
  delivery: DeliveryOptions;
}

export interface AuthOptions {
  idleMs: number;
  absoluteMs: number;
  maxFailures: number;
  lockoutMs: number;
  /** Sign-in attempts per client address per lockout window, whatever the account. */
  maxPerAddress: number;
  oidc: OidcOptions | null;
}

/** Builds the whole BFF without listening (server.ts listens; tests use port 0). */
export function createApp(deps: AppDeps) {
  const allow = parseHostAllowList(deps.allowedWorkdayHosts);
  const publicUrl = new URL(deps.publicUrl);
  const secure = publicUrl.protocol === "https:";
  const now = deps.now ?? (() => new Date());
  // Bound once the activity sync exists; consent only needs to say "connected".
  let onConnected: (id: string) => void = () => undefined;
  const owner = deps.owner ?? newOwnerId();
  // Its own registry (docs/metrics.md); the route templates are learnt once every route is mounted.
  const metrics = createMetrics({ figures: storedFigures(deps.store, now), checkIds: CHECK_IDS, log: deps.log, processMetrics: deps.processMetrics ?? true });
  let templates = new WeakMap<object, string>();
  // Each capability gets only what it uses; they share one store, keyring, clock and token service.
  const workday: WorkdayDeps = {
    store: deps.store,
    keyring: deps.keyring,
    now,
    fetch: deps.fetch ?? createOutboundFetch({ allow, timeoutMs: deps.outboundTimeoutMs }),
    log: deps.log,
  };
  const consent: ConsentDeps = {
    ...workday,
    publicUrl: deps.publicUrl,
    onConnected: (id) => onConnected(id),
    handoff: handoffConsentHooks({ store: deps.store, log: deps.log, now }),
  };
  const tokens = createTokenService({ ...workday, owner, metrics });
  const notify: NotifyOptions = {
    allowedHosts: "",
    smtp: null,
    recoveredAfter: 2,
    stallMinutes: 60,
    sandboxLeadMs: 24 * 3_600_000,
    timeoutMs: 10_000,
    retentionDays: 30,
    ...deps.notify,
    delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...deps.notify?.delivery },
  };
  const notifyAllow = parseHostAllowList(notify.allowedHosts, { workdayDefaults: false, variable: "NOTIFY_ALLOWED_HOSTS" });
  // Its own guard, never deps.fetch: webhook targets have their own allow-list (NOTIFY_ALLOWED_HOSTS).
  const notifyFetch = createOutboundFetch({
    allow: notifyAllow,
    timeoutMs: notify.timeoutMs,
    maxBytes: 64 * 1024,
    allowListName: "NOTIFY_ALLOWED_HOSTS",
    peer: "The receiver",
    anyPublicHttps: true,
  });
  const send = createSender({ publicUrl: deps.publicUrl, now, fetch: notifyFetch, smtp: notify.smtp, timeoutMs: notify.timeoutMs });
  const healthOptions: HealthOptions = {
    intervalMs: 15 * 60_000,
    degradedAfter: 3,
    recoveredAfter: notify.recoveredAfter,
    backoffBaseMs: 30_000,
    concurrency: 16,
    ...deps.health,
  };
  const health: HealthDeps = { ...workday, owner, tokens, health: healthOptions, metrics };
  const activity: ActivityDeps = {
    ...workday,
    owner,
    tokens,
    health: healthOptions,
    metrics,
    activity: { ...DEFAULT_ACTIVITY_OPTIONS, ...deps.activity },
    syncFetch: deps.fetch ?? createOutboundFetch({ allow, timeoutMs: deps.outboundTimeoutMs, maxBytes: SYNC_MAX_BYTES }),
    policies: createPolicyMatcher({ store: deps.store, log: deps.log }),
  };
  const activitySync = createActivitySync(activity);
  const dispatch = {
    store: deps.store,
    keyring: deps.keyring,
    now,
    log: deps.log,
    owner,
    send,
    delivery: notify.delivery,
    onAttempt: (kind: string, outcome: string) => metrics.notificationDelivered(kind, outcome),
  };
  const deliveryLog = { store: deps.store, now, retentionDays: notify.retentionDays, log: deps.log };
  const reminders = {
    store: deps.store,
    now,
    reminders: { sandboxLeadMs: notify.sandboxLeadMs, stallMinutes: notify.stallMinutes, defaultPollMinutes: activity.activity.defaults.pollIntervalMinutes },
  };
  if (deps.startSyncAfterConsent) {
    onConnected = (id) => {
      activitySync.connected(id).catch((err: unknown) => deps.log.error({ connectorId: id, err }, "activity sync did not start after consent"));
    };
  }
  const version = deps.version ?? "dev";
  const auth: AuthOptions = {
    idleMs: 30 * 60_000,
    absoluteMs: 12 * 3_600_000,
    maxFailures: 5,
    lockoutMs: 15 * 60_000,
    maxPerAddress: 50,
    oidc: null,
    ...deps.auth,
  };
  const sessions: SessionDeps = { store: deps.store, now, secure, policy: { idleMs: auth.idleMs, absoluteMs: auth.absoluteMs } };
  const sso = auth.oidc
    ? createSso({ store: deps.store, now, keyring: deps.keyring, log: deps.log, publicUrl: deps.publicUrl, timeoutMs: deps.outboundTimeoutMs }, auth.oidc)
    : null;
  const authRoutes: AuthRouteDeps = {
    store: deps.store,
    log: deps.log,
    now,
    sessions,
    signIn: { store: deps.store, now, policy: { maxFailures: auth.maxFailures, lockoutMs: auth.lockoutMs, maxPerAddress: auth.maxPerAddress } },
    sso,
  };

  const app = express();
  app.disable("x-powered-by");
  // Express hashes every res.json/res.send body for an ETag; every /api/ answer is no-store, so no
  // browser revalidates with it (the SPA's files get theirs from express.static and sendFile).
  app.set("etag", false);
  // Only X-Forwarded-For from listed proxies is believed, and only for the client's address: every
  // URL we build comes from PUBLIC_URL, never from X-Forwarded-Host/-Proto or Host.
  app.set("trust proxy", deps.trustProxy ?? false);
  app.use(requestContext(deps.log));
  app.use(countRequests(metrics, () => templates));
  app.use(securityHeaders(secure));
  // The SPA's files are compressed at build time instead (serve-spa.ts).
  app.use(["/api", "/metrics"], compressAnswers());
  app.use(jsonBody());

  const detailsSchema = makeDetailsRequestSchema(allow);
  const api = express.Router();
  api.use(noStore);
  // Before the session middleware: probes must not create a session per request.
  api.use(healthRouter());
  api.use(openApiRouter({ publicUrl: deps.publicUrl, version }));
  const apiTokens = { store: deps.store, log: deps.log, now };
  api.use(apiTokenAuth({ ...apiTokens, rate: { perMinute: 600, ...deps.apiTokens } }));
  api.use(sessionMiddleware(sessions));
  api.use(csrfGuard(publicUrl.origin));
  api.use(authRouter(authRoutes));
  api.use(metaRouter({ publicUrl: deps.publicUrl, allowedWorkdayHosts: deps.allowedWorkdayHosts, version }));
  api.use("/users", usersRouter(authRoutes));
  api.use("/audit", auditRouter(authRoutes));
  api.use("/policies", policiesRouter(authRoutes));
  api.use("/alerts", alertsRouter(authRoutes));
  api.use("/api-tokens", apiTokenRouter(apiTokens));
  api.use("/connector-names", connectorNamesRouter({ store: deps.store }));
  api.use("/connectors", connectorsRouter(consent, detailsSchema, allow));
  api.use("/connectors", connectorActionsRouter({ ...health, publicUrl: deps.publicUrl }, version));
  api.use("/connectors", connectorActivityRouter(activity, activitySync));
  api.use("/connectors", handoffAdminRouter({ store: deps.store, keyring: deps.keyring, log: deps.log, now, publicUrl: deps.publicUrl }));
  api.use(
    "/handoff",
    handoffRouter({
      guard: { store: deps.store, log: deps.log, now, rate: { perMinute: 30, ...deps.handoff } },
      consent,
      health,
      detailsSchema,
      allowedWorkdayHosts: deps.allowedWorkdayHosts,
    }),
  );
  api.use("/activity", activityRouter(activity));
  api.use("/oauth", oauthCallbackRouter(consent));
  api.use(
    "/notifications",
    notificationsRouter({ store: deps.store, keyring: deps.keyring, now, log: deps.log, targetProblem: (url) => webhookTargetProblem(url, notifyAllow) }),
  );
  api.use((_req, _res, next) => next(new AppError(404, "not_found", "No such API route.")));
  api.use(auditTokenRefusals(apiTokens));
  app.use("/api", api);
  mountMetrics(app, metrics, deps.metricsToken ?? null, deps.log);

  if (deps.webDistDir && existsSync(deps.webDistDir)) serveSpa(app, deps.webDistDir);
  // Whatever nothing served (a POST outside /api, any path without the SPA) gets the error shape, not Express's HTML page.
  app.use((_req, _res, next) => next(new AppError(404, "not_found", "No such page.")));
  app.use(errorHandler(deps.log));
  templates = routeTemplates(app);
  return Object.assign(app, {
    /** Background work (server.ts starts it; tests drive it directly). */
    background: {
      runDueChecks: () => runDueChecks(health),
      purgeSessions: () => purgeSessions(sessions),
      activity: activitySync,
      /**
       * Starts the background loop; the returned stop() takes no new work, stops running syncs
       * after their current page and waits for the rest (SIGTERM). A tick of 0 turns that work
       * off (the browser journeys drive checks themselves); sessions are purged regardless.
       */
      runDeliveries: () => runDeliveries(dispatch),
      queueReminders: () => queueReminders(reminders),
      pruneDeliveryLog: () => pruneDeliveryLog(deliveryLog),
      start: (ticks: { healthMs: number; activityMs: number; notifyMs?: number } = { healthMs: 30_000, activityMs: 30_000 }) => {
        const scheduler = createScheduler(deps.log);
        if (ticks.healthMs > 0) scheduler.every("health", ticks.healthMs, () => runDueChecks(health, scheduler.stopping));
        if (ticks.activityMs > 0) scheduler.every("activity", ticks.activityMs, () => activitySync.runDue(), { immediate: true });
        scheduler.onStop(() => activitySync.stop());
        scheduler.every("sessions", 10 * 60_000, () => purgeSessions(sessions));
        const notifyMs = ticks.notifyMs ?? 5000;
        if (notifyMs > 0) {
          scheduler.every("notifications", notifyMs, () => runDeliveries(dispatch, scheduler.stopping), { immediate: true });
          scheduler.every("reminders", 60_000, () => queueReminders(reminders), { immediate: true });
          scheduler.every("notification log", 3_600_000, () => pruneDeliveryLog(deliveryLog), { immediate: true });
        }
        return (graceMs?: number) => scheduler.stop(graceMs);
      },
    },
    sessions,
    owner,
    /** server.ts serves these on METRICS_PORT too. */
    metrics,
  });
}

/** Why a webhook URL cannot be a target, said on the form: plain http needs the host listed in NOTIFY_ALLOWED_HOSTS. */
function webhookTargetProblem(raw: string, allow: ReturnType<typeof parseHostAllowList>): string | null {
  const url = new URL(raw);
  if (url.protocol === "https:") return null;
  const verdict = isHostAllowed(url, allow);
  return verdict.allowed && verdict.httpAllowed
    ? null
    : `Use https://, or ask the operator to list http://${url.host} in NOTIFY_ALLOWED_HOSTS (for a receiver inside your network).`;
}
