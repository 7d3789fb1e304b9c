import type { SqliteDb } from "./sqlite-driver";

/**
 * A transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE), waiting up to
 * busy_timeout for it. A deferred transaction that reads and then writes cannot wait: when the
 * activity writer thread commits a page after the read began, the upgrade to a write fails at once
 * with SQLITE_BUSY ("database is locked"), and sign-ins, consents and claims answered 500.
 */
export function writeTx<A extends unknown[], R>(db: SqliteDb, fn: (...args: A) => R): (...args: A) => R {
  return db.immediate(fn);
}
