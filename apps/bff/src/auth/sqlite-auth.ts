import { writeTx } from "../platform/store/sqlite-tx";
import type { SqliteDb } from "../platform/store/sqlite-driver";
import type { AuditEntry } from "@wc/contracts";
import { USER_PATCH_COLUMNS } from "./user-columns";
import type { AuthStore, SsoTransaction, UserPatch, UserRecord } from "./auth-store";

type Row = Record<string, unknown>;

const USER_COLUMNS = `id, email, name, role, source, password_hash AS passwordHash, created_at AS createdAt,
  updated_at AS updatedAt, last_sign_in_at AS lastSignInAt, sso_subject AS ssoSubject`;

/** The sign-in half of the SQLite store (users, rate limits, audit log, meta, SSO transactions). */
export function sqliteAuthStore(db: SqliteDb): AuthStore {
  const getUser = (id: string) => (db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as UserRecord | undefined) ?? null;
  const admins = () => (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;

  const updateUser = writeTx(db, (id: string, patch: UserPatch): UserRecord | null | "last_admin" => {
    const before = getUser(id);
    if (!before) return null;
    if (patch.role !== undefined && patch.role !== "admin" && before.role === "admin" && admins() <= 1) return "last_admin";
    const cols = (Object.keys(patch) as (keyof UserPatch)[]).filter((k) => patch[k] !== undefined);
    if (cols.length > 0) {
      const sets = cols.map((k) => `${USER_PATCH_COLUMNS[k]} = @${k}`).join(", ");
      db.prepare(`UPDATE users SET ${sets} WHERE id = @__id`).run({ ...patch, __id: id });
    }
    return getUser(id);
  });

  const deleteUser = writeTx(db, (id: string): boolean | "last_admin" => {
    const u = getUser(id);
    if (!u) return false;
    if (u.role === "admin" && admins() <= 1) return "last_admin";
    db.prepare("DELETE FROM sessions WHERE user_id = ?").run(id);
    db.prepare("DELETE FROM users WHERE id = ?").run(id);
    return true;
  });

  const hitRate = writeTx(db, (key: string, now: string, windowStartsAfter: string) => {
    const row = db.prepare("SELECT count, window_start AS windowStart FROM rate_limits WHERE key = ?").get(key) as
      { count: number; windowStart: string } | undefined;
    const fresh = !row || row.windowStart <= windowStartsAfter;
    const next = fresh ? { count: 1, windowStart: now } : { count: row.count + 1, windowStart: row.windowStart };
    db.prepare(
      `INSERT INTO rate_limits (key, count, window_start) VALUES (@key, @count, @windowStart)
       ON CONFLICT(key) DO UPDATE SET count = excluded.count, window_start = excluded.window_start`,
    ).run({ key, ...next });
    return next;
  });

  const takeMeta = writeTx(db, (key: string) => {
    const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    if (!row) return null;
    db.prepare("DELETE FROM meta WHERE key = ?").run(key);
    return row.value;
  });

  const takeSso = writeTx(db, (hash: string) => {
    const row = db
      .prepare(
        `SELECT state_hash AS stateHash, code_verifier_enc AS codeVerifierEnc, nonce, return_to AS returnTo,
           created_at AS createdAt, expires_at AS expiresAt FROM sso_transactions WHERE state_hash = ?`,
      )
      .get(hash) as SsoTransaction | undefined;
    if (!row) return null;
    db.prepare("DELETE FROM sso_transactions WHERE state_hash = ?").run(hash);
    return row;
  });

  return {
    async insertUser(u) {
      db.prepare(
        `INSERT INTO users (id, email, name, role, source, password_hash, created_at, updated_at, last_sign_in_at, sso_subject)
         VALUES (@id, @email, @name, @role, @source, @passwordHash, @createdAt, @updatedAt, @lastSignInAt, @ssoSubject)`,
      ).run(u);
    },
    async getUser(id) {
      return getUser(id);
    },
    async getUserByEmail(email) {
      return (db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`).get(email) as UserRecord | undefined) ?? null;
    },
    async getUserBySsoSubject(ssoSubject) {
      return (db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE sso_subject = ?`).get(ssoSubject) as UserRecord | undefined) ?? null;
    },
    async listUsers() {
      return db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`).all() as UserRecord[];
    },
    async countUsers() {
      return (db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number }).n;
    },
    async updateUser(id, patch) {
      return updateUser(id, patch);
    },
    async deleteUser(id) {
      return deleteUser(id);
    },
    async deleteSessionsOfUser(userId) {
      return db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId).changes;
    },
    async countSessionsByUser() {
      const rows = db.prepare("SELECT user_id AS userId, COUNT(*) AS n FROM sessions GROUP BY user_id").all() as { userId: string; n: number }[];
      return new Map(rows.map((r) => [r.userId, r.n]));
    },
    async purgeSessions(idleBefore, createdBefore) {
      return db.prepare("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?").run(idleBefore, createdBefore).changes;
    },
    async hitRate(key, now, windowStartsAfter) {
      return hitRate(key, now, windowStartsAfter);
    },
    async peekRate(key, windowStartsAfter) {
      const row = db.prepare("SELECT count, window_start AS windowStart FROM rate_limits WHERE key = ?").get(key) as
        { count: number; windowStart: string } | undefined;
      return row && row.windowStart > windowStartsAfter ? row : null;
    },
    async clearRate(key) {
      db.prepare("DELETE FROM rate_limits WHERE key = ?").run(key);
    },
    async appendAudit(e) {
      db.prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id, target_name, ip, request_id, before_json, after_json)
         VALUES (@at, @actorId, @actorName, @action, @targetType, @targetId, @targetName, @ip, @requestId, @before, @after)`,
      ).run({ ...e, before: e.before ? JSON.stringify(e.before) : null, after: e.after ? JSON.stringify(e.after) : null });
    },
    async listAudit(q) {
      const where: string[] = [];
      const args: Record<string, unknown> = { limit: q.limit };
      const add = (clause: string, values: Record<string, unknown>) => {
        where.push(clause);
        Object.assign(args, values);
      };
      if (q.actor) add("(actor_name LIKE @actor ESCAPE '\\' OR actor_id = @actorExact)", { actor: `%${likeEscape(q.actor)}%`, actorExact: q.actor });
      if (q.action) add("action = @action", { action: q.action });
      if (q.targetId)
        add("(target_id = @targetId OR target_name LIKE @targetLike ESCAPE '\\')", { targetId: q.targetId, targetLike: `%${likeEscape(q.targetId)}%` });
      if (q.from) add("at >= @from", { from: new Date(q.from).toISOString() });
      if (q.to) add("at <= @to", { to: new Date(q.to).toISOString() });
      if (q.before) add("seq < @before", { before: q.before });
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT @limit`;
      return (db.prepare(sql).all(args) as Row[]).map(auditFromRow);
    },
    async getMeta(key) {
      return (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
    },
    async setMeta(key, value) {
      if (value === null) db.prepare("DELETE FROM meta WHERE key = ?").run(key);
      else db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
    },
    async takeMeta(key) {
      return takeMeta(key);
    },
    async insertSsoTransaction(t) {
      db.prepare(
        `INSERT INTO sso_transactions (state_hash, code_verifier_enc, nonce, return_to, created_at, expires_at)
         VALUES (@stateHash, @codeVerifierEnc, @nonce, @returnTo, @createdAt, @expiresAt)`,
      ).run(t);
    },
    async takeSsoTransaction(hash) {
      return takeSso(hash);
    },
  };
}

const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

export function auditFromRow(r: Row): AuditEntry {
  const json = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as Record<string, unknown>) : null);
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    seq: Number(r.seq),
    at: String(r.at),
    actorId: str(r.actor_id),
    actorName: String(r.actor_name),
    action: r.action as AuditEntry["action"],
    targetType: str(r.target_type) as AuditEntry["targetType"],
    targetId: str(r.target_id),
    targetName: str(r.target_name),
    ip: str(r.ip),
    requestId: str(r.request_id),
    before: json(r.before_json),
    after: json(r.after_json),
  };
}
