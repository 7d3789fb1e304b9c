/** A connector's lease key for one kind of background work, e.g. `health:<connector id>`. */
export function leaseKey(kind: string, connectorId: string): string {
  return `${kind}:${connectorId}`;
}

/** ISO text like every other timestamp, so expiry compares as text on both engines. */
export function leaseExpiry(now: Date, ttlMs: number): string {
  return new Date(now.getTime() + ttlMs).toISOString();
}

/**
 * The lease a write is made under: the write happens only while `owner` still holds `key`, in the
 * same transaction. A process that stalled past its lease's expiry (and lost it to another) finds
 * out when it next writes, not only when it next renews.
 */
export interface LeaseFence {
  key: string;
  owner: string;
}

/** The `code` of the error a fenced write fails with when its lease has passed to another owner. */
export const LEASE_LOST = "WC_LEASE_LOST";
export const leaseLostMessage = (key: string) => `The lease ${key} passed to another owner; nothing was written.`;
export const isLeaseLost = (e: unknown): boolean => typeof e === "object" && e !== null && (e as { code?: unknown }).code === LEASE_LOST;
/** A row while `owner` holds `key` (expired or not: only another owner taking it over ends it). */
export const HELD_LEASE = "SELECT 1 AS held FROM leases WHERE key = ? AND owner = ?";

/** Leases in the store, which let several processes share background work. */
export interface LeaseStore {
  /**
   * Leases let several processes share background work: a lease is held by one `owner` until
   * `now + ttlMs`. Acquiring succeeds when the key is free, expired, or already held by `owner`
   * (which extends it). Callers pass `now` so every engine uses the caller's clock.
   */
  tryAcquireLease(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Extends a lease still held by `owner`; false once it has expired or passed to another owner. */
  renewLease(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the lease up at once; does nothing unless `owner` holds it. */
  releaseLease(key: string, owner: string): Promise<void>;
  /**
   * Takes the lease `<kind>:<connector id>` on up to `limit` connectors whose `nextCheckAt` has
   * come and whose lease is free or expired, soonest due first, and returns their ids. Two
   * owners claiming at once never get the same connector. With `dueBy`, only connectors due by
   * then (a round's start, so that the round ends); leases still expire by `now`.
   */
  claimDue(kind: string, owner: string, limit: number, ttlMs: number, now: Date, dueBy?: Date): Promise<string[]>;
}
