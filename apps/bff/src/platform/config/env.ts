import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { emailSchema, PASSWORD_MIN_LENGTH } from "@wc/contracts";
import { decodeKey } from "../crypto/crypto";
import { parseTrustProxy } from "../http/trust-proxy";
import { parseHostAllowList } from "@wc/workday";

/**
 * The only module that reads the environment. Parsed once at start; anything wrong is listed in
 * one readable message and the process refuses to start (config errors are programmer errors).
 */
const port = z.coerce
  .number({ error: "must be a port number (0–65535)" })
  .int("must be a whole port number")
  .min(0, "must be 0–65535")
  .max(65535, "must be 0–65535");

/** An empty METRICS_* value (METRICS_PORT= in a compose file) means unset, not port 0. */
const unsetWhenEmpty = (v: unknown) => (v === "" ? undefined : v);

const envFields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: port.default(3000),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be an absolute URL such as https://connect.example.com" }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().min(1).optional(),
  WORKDAY_SIM_PORT: port.default(4000),
  ENCRYPTION_KEY: z.string().optional(),
  // Keys retired by a rotation: still accepted for decryption until rotate-key has re-sealed everything.
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const keys: Buffer[] = [];
      for (const raw of v
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean)) {
        try {
          keys.push(decodeKey(raw, "each ENCRYPTION_KEYS_PREVIOUS entry"));
        } catch (e) {
          ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
        }
      }
      return keys;
    }),
  // Key ids (from the start-up refusal) whose key is gone for good: their records may stay unreadable.
  LOST_ENCRYPTION_KEY_IDS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const ids = splitList(v);
      for (const id of ids) {
        if (!/^[0-9a-f]{12}$/.test(id))
          ctx.addIssue({
            code: "custom",
            message: `LOST_ENCRYPTION_KEY_IDS: "${id.slice(0, 20)}" is not a key id (12 hex digits, as the start-up message prints them)`,
          });
      }
      return ids;
    }),
  ALLOWED_WORKDAY_HOSTS: z.string().default(""),
  // Which reverse proxies may say who the client is (X-Forwarded-For): none unless listed.
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const r = parseTrustProxy(v);
      if (typeof r === "string") ctx.addIssue({ code: "custom", message: r });
      return typeof r === "string" ? false : r;
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST_DIR: z.string().optional(),
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  HEALTH_CHECK_INTERVAL_MINUTES: z.coerce.number().min(0.1).max(1440).default(15),
  HEALTH_DEGRADED_AFTER: z.coerce.number().int().min(1).max(100).default(3),
  HEALTH_SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // Checks in flight at once in a round: enough to finish 10,000 connectors well within the
  // interval, few enough that the web requests keep the event loop and the database.
  HEALTH_CHECK_CONCURRENCY: z.coerce.number().int("must be a whole number").min(1, "must be 1–256").max(256, "must be 1–256").default(16),
  ACTIVITY_BACKFILL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  ACTIVITY_POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  ACTIVITY_LAG_MINUTES: z.coerce.number().int().min(0).max(60).default(2),
  ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ALERT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  ACTIVITY_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
  ACTIVITY_OFFSET_CEILING: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  ACTIVITY_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(2).default(2),
  // Fractions allowed so tests can make a restarted process resume at once.
  ACTIVITY_SCHEDULER_TICK_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  // How long a replica that dies mid-sync keeps its connectors before another takes over.
  ACTIVITY_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  // The first admin, created at first start when no account exists (else a one-time setup link is printed).
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(15),
  API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  // Optional single sign-on with the organisation's OpenID Connect provider.
  OIDC_ISSUER: z.url({ error: "OIDC_ISSUER must be the provider's issuer URL, e.g. https://login.example.com" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().default("single sign-on"),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  OIDC_ADMIN_GROUPS: z.string().default(""),
  OIDC_SUPPORT_GROUPS: z.string().default(""),
  // Prometheus metrics (docs/metrics.md): a listener of their own on loopback, and/or /metrics
  // on the main port behind a bearer token. Both off unless set.
  METRICS_PORT: z.preprocess(unsetWhenEmpty, port.optional()),
  METRICS_HOST: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .refine((v) => v === "localhost" || isIP(v) !== 0, "must be an IP address such as 127.0.0.1 (the default), ::1 or 0.0.0.0, or localhost")
      .optional(),
  ),
  // RFC 6750 token characters; long enough that guessing is hopeless (the message never repeats the value).
  METRICS_TOKEN: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9\-._~+/]{32,}=*$/, "must be at least 32 characters of A-Z a-z 0-9 - . _ ~ + / (e.g. the output of openssl rand -hex 32)")
      .optional(),
  ),
  // Notifications (docs/notifications.md).
  NOTIFY_ALLOWED_HOSTS: z
    .string()
    .default("")
    .superRefine((v, ctx) => {
      try {
        parseHostAllowList(v, { workdayDefaults: false, variable: "NOTIFY_ALLOWED_HOSTS" });
      } catch (e) {
        ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
      }
    }),
  SMTP_URL: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465")
      .optional(),
  ),
  NOTIFY_FROM: z.preprocess(unsetWhenEmpty, z.string().min(3).max(300).optional()),
  NOTIFY_RECOVERED_AFTER: z.coerce.number().int().min(1).max(20).default(2),
  NOTIFY_STALL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  NOTIFY_SANDBOX_REMINDER_HOURS: z.coerce
    .number()
    .min(0)
    .max(7 * 24)
    .default(24),
  // Fractions allowed so tests can deliver at once; 0 turns delivery off (another replica sends).
  NOTIFY_TICK_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(30),
  NOTIFY_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  NOTIFY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

type EnvFields = z.infer<typeof envFields>;

/**
 * Settings checked against each other (or with more than their own schema). Each names the fields
 * it reads: when one of them is invalid on its own the check is skipped, so a start refused for a
 * bad field still lists these problems too, in the same round (parseEnv).
 */
const CROSS_FIELD_CHECKS: { fields: (keyof EnvFields)[]; path: keyof EnvFields; problem: (e: EnvFields) => string | null }[] = [
  {
    fields: ["SMTP_URL", "NOTIFY_FROM"],
    path: "NOTIFY_FROM",
    problem: (e) => (e.SMTP_URL && !e.NOTIFY_FROM ? "set NOTIFY_FROM (the sender address, e.g. workday-connect@example.com) with SMTP_URL" : null),
  },
  {
    fields: ["ADMIN_EMAIL", "ADMIN_PASSWORD"],
    path: "ADMIN_EMAIL",
    problem: (e) =>
      [e.ADMIN_EMAIL, e.ADMIN_PASSWORD].filter((v) => v !== undefined && v !== "").length === 1
        ? "set ADMIN_EMAIL and ADMIN_PASSWORD together (or neither)"
        : null,
  },
  {
    fields: ["ADMIN_PASSWORD"],
    path: "ADMIN_PASSWORD",
    problem: (e) => (e.ADMIN_PASSWORD && e.ADMIN_PASSWORD.length < PASSWORD_MIN_LENGTH ? `must have at least ${PASSWORD_MIN_LENGTH} characters` : null),
  },
  {
    fields: ["ADMIN_EMAIL"],
    path: "ADMIN_EMAIL",
    problem: (e) => (e.ADMIN_EMAIL && !emailSchema.safeParse(e.ADMIN_EMAIL).success ? "must be an email address like admin@example.com" : null),
  },
  {
    fields: ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
    path: "OIDC_ISSUER",
    problem: (e) => {
      const set = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
      return set > 0 && set < 3 ? "single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together" : null;
    },
  },
  {
    fields: ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ADMIN_GROUPS", "OIDC_SUPPORT_GROUPS"],
    path: "OIDC_ADMIN_GROUPS",
    problem: (e) =>
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length === 3 && !e.OIDC_ADMIN_GROUPS && !e.OIDC_SUPPORT_GROUPS
        ? "single sign-on needs OIDC_ADMIN_GROUPS and/or OIDC_SUPPORT_GROUPS to map groups to roles"
        : null,
  },
  {
    fields: ["METRICS_HOST", "METRICS_PORT"],
    path: "METRICS_HOST",
    problem: (e) =>
      e.METRICS_HOST !== undefined && e.METRICS_PORT === undefined ? "only applies with METRICS_PORT: set METRICS_PORT too (or remove METRICS_HOST)" : null,
  },
  {
    fields: ["METRICS_PORT", "PORT"],
    path: "METRICS_PORT",
    problem: (e) =>
      e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT
        ? "must differ from PORT (to serve /metrics on the main port, set METRICS_TOKEN instead)"
        : null,
  },
  {
    fields: ["ACTIVITY_RETENTION_DAYS", "ACTIVITY_BACKFILL_DAYS"],
    path: "ACTIVITY_RETENTION_DAYS",
    problem: (e) =>
      e.ACTIVITY_RETENTION_DAYS < e.ACTIVITY_BACKFILL_DAYS ? "must be at least ACTIVITY_BACKFILL_DAYS, or backfilled rows would be pruned at once" : null,
  },
  {
    fields: ["ALERT_RETENTION_DAYS", "ACTIVITY_RETENTION_DAYS"],
    path: "ALERT_RETENTION_DAYS",
    problem: (e) =>
      e.ALERT_RETENTION_DAYS < e.ACTIVITY_RETENTION_DAYS
        ? "must be at least ACTIVITY_RETENTION_DAYS: a closed alert is the record of rows that are gone once they are pruned"
        : null,
  },
];

const envSchema = envFields
  .superRefine((e, ctx) => {
    for (const c of CROSS_FIELD_CHECKS) {
      const message = c.problem(e);
      if (message !== null) ctx.addIssue({ code: "custom", path: [c.path], message });
    }
  })
  .transform((e) => {
    const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
    const dataDir = path.resolve(e.DATA_DIR);
    return {
      nodeEnv: e.NODE_ENV,
      port: e.PORT,
      publicUrl,
      dataDir,
      databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "workday-connect.db")}`,
      workdaySimPort: e.WORKDAY_SIM_PORT,
      encryptionKey: e.ENCRYPTION_KEY,
      previousEncryptionKeys: e.ENCRYPTION_KEYS_PREVIOUS,
      lostEncryptionKeyIds: e.LOST_ENCRYPTION_KEY_IDS,
      allowedWorkdayHosts: e.ALLOWED_WORKDAY_HOSTS,
      trustProxy: e.TRUST_PROXY,
      logLevel: e.LOG_LEVEL,
      webDistDir: e.WEB_DIST_DIR,
      outboundTimeoutMs: e.OUTBOUND_TIMEOUT_MS,
      healthIntervalMs: Math.round(e.HEALTH_CHECK_INTERVAL_MINUTES * 60_000),
      healthDegradedAfter: e.HEALTH_DEGRADED_AFTER,
      healthTickMs: e.HEALTH_SCHEDULER_TICK_SECONDS * 1000,
      healthConcurrency: e.HEALTH_CHECK_CONCURRENCY,
      admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.trim().toLowerCase(), password: e.ADMIN_PASSWORD } : null,
      auth: {
        idleMs: Math.round(e.SESSION_IDLE_MINUTES * 60_000),
        absoluteMs: Math.round(e.SESSION_ABSOLUTE_HOURS * 3_600_000),
        maxFailures: e.SIGN_IN_MAX_FAILURES,
        lockoutMs: Math.round(e.SIGN_IN_LOCKOUT_MINUTES * 60_000),
      },
      apiTokenRequestsPerMinute: e.API_TOKEN_REQUESTS_PER_MINUTE,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? {
              issuer: e.OIDC_ISSUER,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              label: e.OIDC_LABEL,
              groupsClaim: e.OIDC_GROUPS_CLAIM,
              adminGroups: splitList(e.OIDC_ADMIN_GROUPS),
              supportGroups: splitList(e.OIDC_SUPPORT_GROUPS),
            }
          : null,
      activity: {
        defaults: {
          backfillDays: e.ACTIVITY_BACKFILL_DAYS,
          pollIntervalMinutes: e.ACTIVITY_POLL_INTERVAL_MINUTES,
          lagMinutes: e.ACTIVITY_LAG_MINUTES,
          retentionDays: e.ACTIVITY_RETENTION_DAYS,
        },
        pageSize: e.ACTIVITY_PAGE_SIZE,
        offsetCeiling: e.ACTIVITY_OFFSET_CEILING,
        requestsInFlight: e.ACTIVITY_REQUESTS_IN_FLIGHT === 1 ? 1 : 2,
        tickMs: Math.round(e.ACTIVITY_SCHEDULER_TICK_SECONDS * 1000),
        leaseMs: Math.round(e.ACTIVITY_LEASE_SECONDS * 1000),
        alertRetentionDays: e.ALERT_RETENTION_DAYS,
      },
      notify: {
        allowedHosts: e.NOTIFY_ALLOWED_HOSTS,
        smtp: e.SMTP_URL && e.NOTIFY_FROM ? { url: e.SMTP_URL, from: e.NOTIFY_FROM } : null,
        recoveredAfter: e.NOTIFY_RECOVERED_AFTER,
        stallMinutes: e.NOTIFY_STALL_MINUTES,
        sandboxLeadMs: Math.round(e.NOTIFY_SANDBOX_REMINDER_HOURS * 3_600_000),
        tickMs: Math.round(e.NOTIFY_TICK_SECONDS * 1000),
        retryBaseMs: Math.round(e.NOTIFY_RETRY_BASE_SECONDS * 1000),
        timeoutMs: Math.round(e.NOTIFY_TIMEOUT_SECONDS * 1000),
        retentionDays: e.NOTIFY_RETENTION_DAYS,
      },
      metrics: {
        /** null: no metrics listener of its own. */
        port: e.METRICS_PORT ?? null,
        host: e.METRICS_HOST ?? "127.0.0.1",
        /** null: /metrics on the main port answers 404. */
        token: e.METRICS_TOKEN ?? null,
      },
    };
  });

export type Env = z.output<typeof envSchema>;

function splitList(v: string): string[] {
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const r = envSchema.safeParse(source);
  if (r.success) {
    const url = new URL(r.data.publicUrl);
    if (url.search || url.hash || url.username) {
      throw new ConfigError("Invalid configuration:\n  - PUBLIC_URL must not carry a query, fragment or credentials");
    }
    return r.data;
  }
  const lines = r.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
  lines.push(...crossFieldLines(source, new Set(r.error.issues.map((i) => String(i.path[0])))));
  throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join("\n")}`);
}

/**
 * The cross-field problems zod did not get to: it runs the object's refinement only once every
 * field is valid. Each field is parsed on its own, and each check whose fields all parsed runs.
 */
function crossFieldLines(source: Record<string, string | undefined>, invalid: ReadonlySet<string>): string[] {
  const parsed: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(envFields.shape)) {
    const r = (schema as z.ZodType).safeParse(source[key]);
    if (r.success) parsed[key] = r.data;
  }
  return CROSS_FIELD_CHECKS.filter((c) => c.fields.every((f) => !invalid.has(f) && f in parsed)).flatMap((c) => {
    const message = c.problem(parsed as EnvFields);
    return message === null ? [] : [`  - ${c.path}: ${message}`];
  });
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
