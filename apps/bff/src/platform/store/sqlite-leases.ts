import { writeTx } from "./sqlite-tx";
import type { SqliteDb } from "./sqlite-driver";
import { leaseExpiry, leaseKey, type LeaseStore } from "./leases";

/** Leases on SQLite: one process at a time writes (busy_timeout), so plain transactions suffice. */
export function sqliteLeases(db: SqliteDb): LeaseStore {
  const acquire = db.prepare(
    `INSERT INTO leases (key, owner, expires_at) VALUES (@key, @owner, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE leases.owner = excluded.owner OR leases.expires_at <= @now`,
  );
  const renew = db.prepare("UPDATE leases SET expires_at = @expiresAt WHERE key = @key AND owner = @owner AND expires_at > @now");
  const release = db.prepare("DELETE FROM leases WHERE key = @key AND owner = @owner");
  const due = db.prepare(
    `SELECT c.id FROM connectors c LEFT JOIN leases l ON l.key = @kind || ':' || c.id
     WHERE c.next_check_at <= @dueBy AND (l.key IS NULL OR l.expires_at <= @now)
     ORDER BY c.next_check_at, c.id LIMIT @limit`,
  );
  const claim = writeTx(db, (kind: string, owner: string, limit: number, expiresAt: string, now: string, dueBy: string) => {
    const ids = (due.all({ kind, now, dueBy, limit }) as { id: string }[]).map((r) => r.id);
    for (const id of ids) acquire.run({ key: leaseKey(kind, id), owner, expiresAt, now });
    return ids;
  });

  return {
    async tryAcquireLease(key, owner, ttlMs, now) {
      return acquire.run({ key, owner, expiresAt: leaseExpiry(now, ttlMs), now: now.toISOString() }).changes > 0;
    },
    async renewLease(key, owner, ttlMs, now) {
      return renew.run({ key, owner, expiresAt: leaseExpiry(now, ttlMs), now: now.toISOString() }).changes > 0;
    },
    async releaseLease(key, owner) {
      release.run({ key, owner });
    },
    async claimDue(kind, owner, limit, ttlMs, now, dueBy = now) {
      // IMMEDIATE takes the write lock before reading, so another process cannot claim in between.
      return claim(kind, owner, limit, leaseExpiry(now, ttlMs), now.toISOString(), dueBy.toISOString());
    },
  };
}
