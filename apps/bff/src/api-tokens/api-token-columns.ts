import { roleSchema } from "@wc/contracts";
import type { ApiTokenRecord } from "./api-token-store";

type Row = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The same columns on both engines. */
export const API_TOKEN_COLUMNS = [
  "id",
  "name",
  "role",
  "token_hash",
  "prefix",
  "created_by",
  "created_by_id",
  "created_at",
  "expires_at",
  "last_used_at",
  "revoked_at",
  "revoked_by",
] as const;

export function apiTokenValues(t: ApiTokenRecord): (string | null)[] {
  return [t.id, t.name, t.role, t.tokenHash, t.prefix, t.createdBy, t.createdById, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt, t.revokedBy];
}

export function apiTokenFromRow(r: Row): ApiTokenRecord {
  // A role this version does not know (a newer one wrote it) opens no more than support.
  const role = roleSchema.safeParse(r.role);
  return {
    id: String(r.id),
    name: String(r.name),
    role: role.success ? role.data : "support",
    tokenHash: String(r.token_hash),
    prefix: String(r.prefix),
    createdBy: String(r.created_by),
    createdById: text(r.created_by_id),
    createdAt: String(r.created_at),
    expiresAt: String(r.expires_at),
    lastUsedAt: text(r.last_used_at),
    revokedAt: text(r.revoked_at),
    revokedBy: text(r.revoked_by),
  };
}

/** `?` placeholders, in this order: at, by, id. */
export const REVOKE_SQL = "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL";
/** `?` placeholders: at, id, at. ISO-8601 UTC text sorts as time. */
export const TOUCH_SQL = "UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";
