import { z } from "zod";
import { roleSchema } from "./statuses";

/** The session cookie's name (`__Host-wc_session` when the console is served over https). */
export const SESSION_COOKIE = "wc_session";

/** Long enough to resist guessing offline; the cap keeps the KDF from being a denial-of-service lever. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "An email address has at most 254 characters.")
  .regex(/^[^\s@]+@[^\s@]+$/, "Enter an email address like name@example.com.");

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

const displayNameSchema = z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");

/** Where the console goes after sign-in: a path on this console only (no `//host`, no `\`, no scheme). */
export const returnToSchema = z
  .string()
  .max(2000)
  .refine((v) => isSafeReturnTo(v), "Must be a path on this console, like /connectors.");

export function isSafeReturnTo(v: string): boolean {
  if (!v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return false;
  // Control characters and backslashes let some browsers turn a path into another origin.
  if ([...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch === "\\")) return false;
  return !v.startsWith("/api/");
}

/** GET /api/auth/sso/start: where to go once signed in; an unsafe or missing returnTo goes to the connectors list. */
export const ssoStartQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });

/**
 * The query of an OAuth 2.0 authorization response (RFC 6749 §4.1.2, §4.1.2.1): `code` and
 * `state`, or `error`. Loose: providers add their own parameters (`iss`, `session_state`).
 */
export const authorizationResponseQuerySchema = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  source: z.enum(["local", "oidc"]),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** GET /api/session: public, so the SPA knows whether to show sign-in, first-admin setup or SSO. */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  /** No account exists yet: the first admin comes from the one-time setup link printed at start. */
  setupRequired: z.boolean(),
  sso: z.object({ enabled: z.boolean(), label: z.string() }),
  /** When the session ends if idle / at the latest (ISO); null when signed out. */
  idleExpiresAt: z.string().nullable(),
  absoluteExpiresAt: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const signInRequestSchema = z.object({
  email: emailSchema,
  // Not newPasswordSchema: a sign-in attempt is judged by the KDF, not by today's policy.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "The password is too long."),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const setupRequestSchema = z.object({
  token: z
    .string({ error: "The setup link is incomplete: open the link printed when the console started." })
    .min(1, "The setup link is incomplete: open the link printed when the console started.")
    .max(200),
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const changeOwnPasswordRequestSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordRequestSchema>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  source: z.enum(["local", "oidc"]),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  activeSessions: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const listUsersResponseSchema = z.object({ users: z.array(userSchema) });
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;
export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

export const createUserRequestSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({ name: displayNameSchema.optional(), role: roleSchema.optional() })
  .refine((v) => v.name !== undefined || v.role !== undefined, "Change the name or the role.");
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.object({ password: newPasswordSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const killSessionsResponseSchema = z.object({ ended: z.number().int() });
export type KillSessionsResponse = z.infer<typeof killSessionsResponseSchema>;
