import { z } from "zod";
import { FAULT_KINDS, FAULT_ROUTES } from "../model/faults";
import { FUNCTIONAL_AREAS } from "../model/permissions";
import { TENANT_KINDS, TENANT_NAME } from "../model/tenant";
import { controlError } from "../lib/http-error";
import { SCENARIO_NAMES } from "../activity/scenarios";

/** Request bodies of the control API (and the admin forms, after form fields are mapped). */

const flag = z.boolean();

export const createTenantSchema = z.strictObject({
  name: z.string().regex(TENANT_NAME, "use 1–63 lowercase letters, digits and underscores, starting with a letter or digit"),
  kind: z.enum(TENANT_KINDS),
  prepared: flag.default(false),
  samlSso: flag.default(false),
});

export const settingsSchema = z
  .strictObject({ userActivityLogging: flag.optional(), oauthClientsEnabled: flag.optional(), samlSso: flag.optional() })
  .refine((s) => Object.keys(s).length > 0, "give at least one of userActivityLogging, oauthClientsEnabled, samlSso");

export const permissionSchema = z.strictObject({ granted: flag });

export const accountSchema = z.strictObject({
  username: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, "use 1–64 letters, digits, _ . @ or -"),
  password: z.string().min(1).max(200),
  kind: z.enum(["administrator", "integration_system_user", "user"]).default("user"),
  memberOfConnectorGroup: flag.default(true),
});

export const accountPatchSchema = z
  .strictObject({ disabled: flag.optional(), locked: flag.optional(), memberOfConnectorGroup: flag.optional() })
  .refine((s) => Object.keys(s).length > 0, "give at least one of disabled, locked, memberOfConnectorGroup");

const redirectUri = z
  .string()
  .max(2000)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "must be an absolute http(s) URL")
  .refine((v) => !v.includes("#"), "must not contain a fragment (#)");

export const clientSchema = z.strictObject({
  clientName: z.string().trim().min(1).max(200),
  clientGrantType: z.literal("Authorization Code Grant").default("Authorization Code Grant"),
  accessTokenType: z.literal("Bearer").default("Bearer"),
  redirectUri,
  nonExpiringRefreshTokens: flag.default(false),
  scopes: z.array(z.enum(FUNCTIONAL_AREAS)).min(1, "choose at least one functional area"),
});

/** Up to 10,000 per call: the console's target scale (issue 16) in one request. */
export const consentedClientsSchema = z.strictObject({
  count: z.number().int("must be a whole number").min(1, "must be 1–10000").max(10_000, "must be 1–10000"),
  username: z.string().min(1).max(64).default("isu_wdconnect"),
  redirectUri: redirectUri.default("http://localhost:3000/api/oauth/callback"),
  clientName: z.string().trim().min(1).max(200).default("workday-connect"),
  nonExpiringRefreshTokens: flag.default(true),
});

export const revokeSchema = z.strictObject({ tokenId: z.string().min(1).optional() });

const refreshMode = z.enum(["tokens", "full"]);
export const sandboxRefreshSchema = z.strictObject({ mode: refreshMode.default("tokens") });
export const scheduleSchema = z.strictObject({ weekly: flag, mode: refreshMode.default("tokens") });

export const activitySchema = z.strictObject({
  events: z.number().int().min(0).max(5_000_000).optional(),
  days: z.number().positive().max(3650).optional(),
  seed: z.number().int().optional(),
  end: z.iso.datetime().optional(),
});

export const activityEventSchema = z.strictObject({
  requestTime: z.iso.datetime().optional(),
  systemAccount: z.string().min(1).max(200),
  taskDisplayName: z.string().min(1).max(300),
  activityAction: z.enum(["READ", "WRITE", "OTHER"]).default("READ"),
  ipAddress: z.string().min(1).max(100).default("192.0.2.10"),
  userAgent: z
    .string()
    .min(1)
    .max(500)
    .default("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"),
  sessionId: z.string().min(1).max(100).optional(),
  target: z.strictObject({ id: z.string(), descriptor: z.string(), href: z.string() }).optional(),
});

export const activityScenarioSchema = z.strictObject({
  scenario: z.enum(SCENARIO_NAMES, { error: `must be one of ${SCENARIO_NAMES.join(", ")}` }),
  at: z.iso.datetime({ error: "must be an ISO date-time in UTC, e.g. 2024-06-05T09:30:00Z" }).optional(),
  account: z.string().min(1).max(200).optional(),
});

export const faultSchema = z
  .strictObject({
    route: z.enum(FAULT_ROUTES),
    kind: z.enum(FAULT_KINDS),
    count: z.number().int().min(1).max(10_000).default(1),
    tenant: z.string().min(1).optional(),
    status: z.number().int().min(400).max(599).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .refine((f) => f.kind !== "latency" || f.latencyMs !== undefined, { message: "latencyMs is required for kind latency", path: ["latencyMs"] });

export const optionsSchema = z
  .strictObject({
    accessTokenTtlSeconds: z
      .number()
      .int()
      .min(1)
      .max(30 * 86_400)
      .optional(),
    authCodeTtlSeconds: z.number().int().min(1).max(86_400).optional(),
    refreshTokenTtlSeconds: z
      .number()
      .int()
      .min(1)
      .max(3650 * 86_400)
      .optional(),
    rotateRefreshTokens: flag.optional(),
    offsetCeiling: z.number().int().min(0).max(1_000_000_000).optional(),
    activityLoggingOffBehavior: z.enum(["empty", "forbidden"]).optional(),
  })
  .refine((s) => Object.keys(s).length > 0, "give at least one option to change");

export const clockSchema = z.strictObject({ advanceSeconds: z.number().finite() });

/** Parses a body or fails with one readable 400 naming each field and what is wrong. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw controlError(400, problems.join("; "));
}
