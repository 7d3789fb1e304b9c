import type { UserRecord } from "../auth/auth-store";
import type { SessionRecord } from "./types";

/**
 * The session and its user in one statement: every signed-in request needs both, and two point
 * reads were a good part of a list request's time (bench/README.md, P3). A left join, so a session
 * whose user is gone still reads back (and is deleted by the session middleware).
 */
export const SESSION_WITH_USER = `SELECT s.id AS s_id, s.user_id AS s_user_id, s.user_name AS s_user_name, s.role AS s_role,
    s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, s.ip AS s_ip,
    u.id AS u_id, u.email AS u_email, u.name AS u_name, u.role AS u_role, u.source AS u_source, u.password_hash AS u_password_hash,
    u.created_at AS u_created_at, u.updated_at AS u_updated_at, u.last_sign_in_at AS u_last_sign_in_at, u.sso_subject AS u_sso_subject
  FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = ?`;

type Row = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "bigint" ? String(v) : "");
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));

export function sessionWithUserFromRow(r: Row | undefined): { session: SessionRecord; user: UserRecord | null } | null {
  if (!r) return null;
  const session: SessionRecord = {
    id: str(r.s_id),
    userId: str(r.s_user_id),
    userName: str(r.s_user_name),
    role: str(r.s_role) as SessionRecord["role"],
    createdAt: str(r.s_created_at),
    lastSeenAt: str(r.s_last_seen_at),
    ip: strOrNull(r.s_ip),
  };
  if (r.u_id === null || r.u_id === undefined) return { session, user: null };
  const user: UserRecord = {
    id: str(r.u_id),
    email: str(r.u_email),
    name: str(r.u_name),
    role: str(r.u_role) as UserRecord["role"],
    source: str(r.u_source) as UserRecord["source"],
    passwordHash: strOrNull(r.u_password_hash),
    createdAt: str(r.u_created_at),
    updatedAt: str(r.u_updated_at),
    lastSignInAt: strOrNull(r.u_last_sign_in_at),
    ssoSubject: strOrNull(r.u_sso_subject),
  };
  return { session, user };
}
