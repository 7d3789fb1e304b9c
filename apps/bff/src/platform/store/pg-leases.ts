import type { Pool } from "pg";
import { leaseExpiry, type LeaseStore } from "./leases";

// One statement decides: when two owners insert the same key at once, the second waits for the
// first's row and then the WHERE sees it, so only a free, expired or own lease is (re)written.
const ACQUIRE = `INSERT INTO leases (key, owner, expires_at) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
  WHERE leases.owner = EXCLUDED.owner OR leases.expires_at <= $4`;

// SKIP LOCKED spreads concurrent claimers over different connectors instead of queueing them on
// the same rows. It alone is not the guarantee (a claimer may read before another's commit): the
// upsert's WHERE is, and `taken` holds only the leases this statement actually wrote.
const CLAIM = `WITH due AS (
    SELECT c.id, c.next_check_at FROM connectors c LEFT JOIN leases l ON l.key = $1::text || ':' || c.id
    WHERE c.next_check_at <= $6 AND (l.key IS NULL OR l.expires_at <= $4)
    ORDER BY c.next_check_at, c.id
    LIMIT $5
    FOR UPDATE OF c SKIP LOCKED
  ), taken AS (
    INSERT INTO leases (key, owner, expires_at) SELECT $1::text || ':' || id, $2::text, $3::text FROM due
    ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
    WHERE leases.expires_at <= $4
    RETURNING key
  )
  SELECT due.id FROM due JOIN taken ON taken.key = $1::text || ':' || due.id ORDER BY due.next_check_at, due.id`;

export function pgLeases(pool: Pool): LeaseStore {
  return {
    async tryAcquireLease(key, owner, ttlMs, now) {
      const r = await pool.query(ACQUIRE, [key, owner, leaseExpiry(now, ttlMs), now.toISOString()]);
      return r.rowCount === 1;
    },
    async renewLease(key, owner, ttlMs, now) {
      const r = await pool.query("UPDATE leases SET expires_at = $3 WHERE key = $1 AND owner = $2 AND expires_at > $4", [
        key,
        owner,
        leaseExpiry(now, ttlMs),
        now.toISOString(),
      ]);
      return r.rowCount === 1;
    },
    async releaseLease(key, owner) {
      await pool.query("DELETE FROM leases WHERE key = $1 AND owner = $2", [key, owner]);
    },
    async claimDue(kind, owner, limit, ttlMs, now, dueBy = now) {
      const r = await pool.query<{ id: string }>(CLAIM, [kind, owner, leaseExpiry(now, ttlMs), now.toISOString(), limit, dueBy.toISOString()]);
      return r.rows.map((row) => row.id);
    },
  };
}
