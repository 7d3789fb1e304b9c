import type { UserPatch } from "./auth-store";

/** The users table's column for each changeable field (both engines). */
export const USER_PATCH_COLUMNS: Record<keyof UserPatch, string> = {
  email: "email",
  name: "name",
  role: "role",
  passwordHash: "password_hash",
  lastSignInAt: "last_sign_in_at",
  updatedAt: "updated_at",
  ssoSubject: "sso_subject",
};
