import type { Pool } from "pg";
import { USER_PATCH_COLUMNS } from "./user-columns";
import type { AuthStore, RateCount, SsoTransaction, UserPatch, UserRecord } from "./auth-store";
import { inTransaction } from "../platform/store/pg-transaction";
import { auditFromRow } from "./sqlite-auth";

type Row = Record<string, unknown>;

const USER_COLUMNS = `id, email, name, role, source, password_hash AS "passwordHash", created_at AS "createdAt",
  updated_at AS "updatedAt", last_sign_in_at AS "lastSignInAt", sso_subject AS "ssoSubject"`;

/** The sign-in half of the PostgreSQL store; same behaviour as sqlite-auth.ts (one contract suite). */
export function pgAuthStore(pool: Pool): AuthStore {
  const getUser = async (q: Pick<Pool, "query">, id: string, lock = false) =>
    (await q.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1${lock ? " FOR UPDATE" : ""}`, [id])).rows[0] ?? null;
  // Serialises admin-count checks: two admins demoting each other at once must not leave none.
  const lockAdmins = (q: Pick<Pool, "query">) => q.query("SELECT id FROM users WHERE role = 'admin' FOR UPDATE");
  const admins = async (q: Pick<Pool, "query">) =>
    Number((await q.query<{ n: string }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'")).rows[0]?.n ?? 0);

  return {
    async insertUser(u) {
      await pool.query(
        `INSERT INTO users (id, email, name, role, source, password_hash, created_at, updated_at, last_sign_in_at, sso_subject)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [u.id, u.email, u.name, u.role, u.source, u.passwordHash, u.createdAt, u.updatedAt, u.lastSignInAt, u.ssoSubject],
      );
    },
    async getUser(id) {
      return getUser(pool, id);
    },
    async getUserByEmail(email) {
      return (await pool.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email])).rows[0] ?? null;
    },
    async getUserBySsoSubject(ssoSubject) {
      return (await pool.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users WHERE sso_subject = $1`, [ssoSubject])).rows[0] ?? null;
    },
    async listUsers() {
      return (await pool.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`)).rows;
    },
    async countUsers() {
      return Number((await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM users")).rows[0]?.n ?? 0);
    },
    async updateUser(id, patch) {
      return inTransaction(pool, async (c) => {
        if (patch.role !== undefined) await lockAdmins(c);
        const before = await getUser(c, id, true);
        if (!before) return null;
        if (patch.role !== undefined && patch.role !== "admin" && before.role === "admin" && (await admins(c)) <= 1) return "last_admin";
        const keys = (Object.keys(patch) as (keyof UserPatch)[]).filter((k) => patch[k] !== undefined);
        if (keys.length > 0) {
          const sets = keys.map((k, i) => `${USER_PATCH_COLUMNS[k]} = $${i + 2}`).join(", ");
          await c.query(`UPDATE users SET ${sets} WHERE id = $1`, [id, ...keys.map((k) => patch[k])]);
        }
        return getUser(c, id);
      });
    },
    async deleteUser(id) {
      return inTransaction(pool, async (c) => {
        await lockAdmins(c);
        const u = await getUser(c, id, true);
        if (!u) return false;
        if (u.role === "admin" && (await admins(c)) <= 1) return "last_admin";
        await c.query("DELETE FROM sessions WHERE user_id = $1", [id]);
        await c.query("DELETE FROM users WHERE id = $1", [id]);
        return true;
      });
    },
    async deleteSessionsOfUser(userId) {
      return (await pool.query("DELETE FROM sessions WHERE user_id = $1", [userId])).rowCount ?? 0;
    },
    async countSessionsByUser() {
      const r = await pool.query<{ userId: string; n: string }>(`SELECT user_id AS "userId", COUNT(*) AS n FROM sessions GROUP BY user_id`);
      return new Map(r.rows.map((x) => [x.userId, Number(x.n)]));
    },
    async purgeSessions(idleBefore, createdBefore) {
      return (await pool.query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2", [idleBefore, createdBefore])).rowCount ?? 0;
    },
    async hitRate(key, now, windowStartsAfter) {
      // One statement, so replicas counting the same key at once never lose a hit.
      const r = await pool.query<RateCount>(
        `INSERT INTO rate_limits (key, count, window_start) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.count + 1 END,
           window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END
         RETURNING count, window_start AS "windowStart"`,
        [key, now, windowStartsAfter],
      );
      const row = r.rows[0];
      if (!row) throw new Error("rate limit upsert returned nothing");
      return row;
    },
    async peekRate(key, windowStartsAfter) {
      const r = await pool.query<RateCount>(`SELECT count, window_start AS "windowStart" FROM rate_limits WHERE key = $1 AND window_start > $2`, [
        key,
        windowStartsAfter,
      ]);
      return r.rows[0] ?? null;
    },
    async clearRate(key) {
      await pool.query("DELETE FROM rate_limits WHERE key = $1", [key]);
    },
    async appendAudit(e) {
      await pool.query(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id, target_name, ip, request_id, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          e.at,
          e.actorId,
          e.actorName,
          e.action,
          e.targetType,
          e.targetId,
          e.targetName,
          e.ip,
          e.requestId,
          e.before ? JSON.stringify(e.before) : null,
          e.after ? JSON.stringify(e.after) : null,
        ],
      );
    },
    async listAudit(q) {
      const where: string[] = [];
      const args: unknown[] = [];
      const add = (clause: (n: (v: unknown) => string) => string) => where.push(clause((v) => `$${args.push(v)}`));
      if (q.actor) add((n) => `(actor_name ILIKE ${n(`%${likeEscape(q.actor ?? "")}%`)} OR actor_id = ${n(q.actor)})`);
      if (q.action) add((n) => `action = ${n(q.action)}`);
      if (q.targetId) add((n) => `(target_id = ${n(q.targetId)} OR target_name ILIKE ${n(`%${likeEscape(q.targetId ?? "")}%`)})`);
      if (q.from) add((n) => `at >= ${n(new Date(q.from ?? "").toISOString())}`);
      if (q.to) add((n) => `at <= ${n(new Date(q.to ?? "").toISOString())}`);
      if (q.before) add((n) => `seq < ${n(q.before)}`);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT $${args.push(q.limit)}`;
      return (await pool.query<Row>(sql, args)).rows.map(auditFromRow);
    },
    async getMeta(key) {
      return (await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = $1", [key])).rows[0]?.value ?? null;
    },
    async setMeta(key, value) {
      if (value === null) await pool.query("DELETE FROM meta WHERE key = $1", [key]);
      else await pool.query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value]);
    },
    async takeMeta(key) {
      return (await pool.query<{ value: string }>("DELETE FROM meta WHERE key = $1 RETURNING value", [key])).rows[0]?.value ?? null;
    },
    async insertSsoTransaction(t: SsoTransaction) {
      await pool.query(
        `INSERT INTO sso_transactions (state_hash, code_verifier_enc, nonce, return_to, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [t.stateHash, t.codeVerifierEnc, t.nonce, t.returnTo, t.createdAt, t.expiresAt],
      );
    },
    async takeSsoTransaction(hash) {
      const r = await pool.query<SsoTransaction>(
        `DELETE FROM sso_transactions WHERE state_hash = $1 RETURNING state_hash AS "stateHash", code_verifier_enc AS "codeVerifierEnc",
           nonce, return_to AS "returnTo", created_at AS "createdAt", expires_at AS "expiresAt"`,
        [hash],
      );
      return r.rows[0] ?? null;
    },
  };
}

const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);
