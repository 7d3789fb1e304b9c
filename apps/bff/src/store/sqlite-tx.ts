import type Database from "better-sqlite3";

/**
 * A transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE), waiting up to
 * busy_timeout for it. A deferred transaction that reads and then writes cannot wait: when the
 * activity writer thread commits a page after the read began, the upgrade to a write fails at once
 * with SQLITE_BUSY ("database is locked"), and sign-ins, consents and claims answered 500.
 */
export function writeTx<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn);
  return (...args) => tx.immediate(...args);
}
