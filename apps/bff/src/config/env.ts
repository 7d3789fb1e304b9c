import path from "node:path";
import { z } from "zod";
import { decodeKey } from "../lib/crypto";

/**
 * The only module that reads the environment. Parsed once at start; anything wrong is listed in
 * one readable message and the process refuses to start (config errors are programmer errors).
 */
const port = z.coerce.number({ error: "must be a port number (0–65535)" }).int("must be a whole port number").min(0, "must be 0–65535").max(65535, "must be 0–65535");

const envSchema = z
  .object({
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
        for (const raw of v.split(",").map((k) => k.trim()).filter(Boolean)) {
          try {
            keys.push(decodeKey(raw, "each ENCRYPTION_KEYS_PREVIOUS entry"));
          } catch (e) {
            ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
          }
        }
        return keys;
      }),
    ALLOWED_WORKDAY_HOSTS: z.string().default(""),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WEB_DIST_DIR: z.string().optional(),
    OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    HEALTH_CHECK_INTERVAL_MINUTES: z.coerce.number().min(0.1).max(1440).default(15),
    HEALTH_DEGRADED_AFTER: z.coerce.number().int().min(1).max(100).default(3),
    HEALTH_SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    ACTIVITY_BACKFILL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    ACTIVITY_POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
    ACTIVITY_LAG_MINUTES: z.coerce.number().int().min(0).max(60).default(2),
    ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    ACTIVITY_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
    ACTIVITY_OFFSET_CEILING: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
    // Fractions allowed so tests can make a restarted process resume at once.
    ACTIVITY_SCHEDULER_TICK_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  })
  .refine((e) => e.ACTIVITY_RETENTION_DAYS >= e.ACTIVITY_BACKFILL_DAYS, {
    path: ["ACTIVITY_RETENTION_DAYS"],
    message: "must be at least ACTIVITY_BACKFILL_DAYS, or backfilled rows would be pruned at once",
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
      allowedWorkdayHosts: e.ALLOWED_WORKDAY_HOSTS,
      logLevel: e.LOG_LEVEL,
      webDistDir: e.WEB_DIST_DIR,
      outboundTimeoutMs: e.OUTBOUND_TIMEOUT_MS,
      healthIntervalMs: Math.round(e.HEALTH_CHECK_INTERVAL_MINUTES * 60_000),
      healthDegradedAfter: e.HEALTH_DEGRADED_AFTER,
      healthTickMs: e.HEALTH_SCHEDULER_TICK_SECONDS * 1000,
      activity: {
        defaults: {
          backfillDays: e.ACTIVITY_BACKFILL_DAYS,
          pollIntervalMinutes: e.ACTIVITY_POLL_INTERVAL_MINUTES,
          lagMinutes: e.ACTIVITY_LAG_MINUTES,
          retentionDays: e.ACTIVITY_RETENTION_DAYS,
        },
        pageSize: e.ACTIVITY_PAGE_SIZE,
        offsetCeiling: e.ACTIVITY_OFFSET_CEILING,
        tickMs: Math.round(e.ACTIVITY_SCHEDULER_TICK_SECONDS * 1000),
      },
    };
  });

export type Env = z.output<typeof envSchema>;

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
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
