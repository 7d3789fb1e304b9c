import { z } from "zod";
import { roleSchema } from "./statuses";

/**
 * API tokens: for scripts and other tools, `Authorization: Bearer wct_…` on the /api/ routes the
 * token's role allows (docs/automation.md). Shown once at creation; the console keeps only a hash.
 */
export const API_TOKEN_PREFIX = "wct_";
/** `wct_` and 43 base64url characters (32 random bytes). */
export const API_TOKEN_PATTERN = /^wct_[A-Za-z0-9_-]{43}$/;
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;
/** The expiry choices the API tokens page offers (any whole number of days from 1 to 365 is accepted). */
export const API_TOKEN_EXPIRY_CHOICES = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 180, label: "180 days" },
  { days: 365, label: "1 year" },
] as const;

export const createApiTokenRequestSchema = z
  .object({
    name: z
      .string({ error: "Give the token a name, e.g. the script or tool that will use it." })
      .trim()
      .min(1, "Give the token a name, e.g. the script or tool that will use it.")
      .max(100, "Use at most 100 characters for the name."),
    role: roleSchema,
    expiresInDays: z
      .number({ error: "Give expiresInDays as a number of days, from 1 to 365." })
      .int("Give expiresInDays as a whole number of days.")
      .min(1, "A token lasts at least 1 day.")
      .max(API_TOKEN_MAX_DAYS, "A token lasts at most 1 year (365 days).")
      .default(API_TOKEN_DEFAULT_DAYS),
  })
  .strict();
export type CreateApiTokenRequest = z.input<typeof createApiTokenRequestSchema>;

export const apiTokenStateSchema = z.enum(["active", "expired", "revoked"]);
export type ApiTokenState = z.infer<typeof apiTokenStateSchema>;
export const API_TOKEN_STATE_LABELS: Record<ApiTokenState, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

/** One token as admins see it: never the token itself (shown once, at creation) or its hash. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The token's first characters (`wct_` and 4 more), to recognise it in a script's configuration. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  state: apiTokenStateSchema,
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokensResponseSchema = z.object({ tokens: z.array(apiTokenSchema) });
export type ApiTokensResponse = z.infer<typeof apiTokensResponseSchema>;
export const apiTokenResponseSchema = z.object({ token: apiTokenSchema });
export type ApiTokenResponse = z.infer<typeof apiTokenResponseSchema>;
/** 201 to POST /api/api-tokens: the only time `secret` is ever sent. */
export const apiTokenCreatedResponseSchema = z.object({ token: apiTokenSchema, secret: z.string().regex(API_TOKEN_PATTERN) });
export type ApiTokenCreatedResponse = z.infer<typeof apiTokenCreatedResponseSchema>;
