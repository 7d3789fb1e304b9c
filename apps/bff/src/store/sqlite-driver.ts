import { createRequire } from "node:module";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type BetterSqlite3 from "better-sqlite3";

/** Which SQLite binding the store runs on (issue 18 measures both; one will stay). */
export const SQLITE_DRIVERS = ["better-sqlite3", "node:sqlite"] as const;
export type SqliteDriverName = (typeof SQLITE_DRIVERS)[number];

/** Only what the store uses: positional values or one object for `@name` parameters. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqliteDb {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  /** `fn` inside BEGIN IMMEDIATE … COMMIT, rolled back when it throws (see sqlite-tx.ts for why IMMEDIATE). */
  immediate<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
}

export function openSqlite(file: string, driver: SqliteDriverName): SqliteDb {
  return driver === "node:sqlite" ? nodeSqlite(file) : betterSqlite3(file);
}

/** Both bindings' spelling of SQLITE_CONSTRAINT_UNIQUE (better-sqlite3: a code name; node:sqlite: the number). */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const { code, errcode } = e as { code?: unknown; errcode?: unknown };
  return code === "SQLITE_CONSTRAINT_UNIQUE" || errcode === 2067;
}

// Loaded only when chosen, so a node:sqlite process never maps the native addon (peak RSS is measured).
function betterSqlite3(file: string): SqliteDb {
  const Database = createRequire(import.meta.url)("better-sqlite3") as typeof BetterSqlite3;
  const db = new Database(file);
  return {
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => void db.exec(sql),
    immediate: (fn) => {
      const tx = db.transaction(fn);
      return (...args) => tx.immediate(...args);
    },
    close: () => void db.close(),
  };
}

function nodeSqlite(file: string): SqliteDb {
  const db = new DatabaseSync(file);
  let savepoints = 0;
  return {
    prepare: (sql) => nodeStatement(db, sql),
    exec: (sql) => db.exec(sql),
    // Nested calls use a savepoint, as better-sqlite3's transactions do.
    immediate: (fn) => (...args) => {
      const nested = db.isTransaction;
      const name = `wc_tx_${savepoints++}`;
      db.exec(nested ? `SAVEPOINT ${name}` : "BEGIN IMMEDIATE");
      try {
        const result = fn(...args);
        db.exec(nested ? `RELEASE ${name}` : "COMMIT");
        return result;
      } catch (e) {
        if (db.isTransaction) db.exec(nested ? `ROLLBACK TO ${name}; RELEASE ${name}` : "ROLLBACK");
        throw e;
      } finally {
        savepoints--;
      }
    },
    close: () => db.close(),
  };
}

/**
 * node:sqlite binds a missing parameter as NULL and refuses `undefined`; better-sqlite3 does the
 * opposite. The store was written against better-sqlite3, so a missing parameter stays an error
 * (a silent NULL would hide a store bug) and `undefined` stays NULL.
 */
function nodeStatement(db: DatabaseSync, sql: string): SqliteStatement {
  const s = db.prepare(sql);
  const shape = parameterShape(sql);
  const named = (params: unknown[]): Record<string, SQLInputValue> => {
    const [source] = params;
    if (params.length !== 1 || typeof source !== "object" || source === null) throw new TypeError(`expected one object for the named parameters of: ${sql}`);
    const values: Record<string, SQLInputValue> = {};
    for (const n of shape.names) {
      if (!(n in source)) throw new RangeError(`Missing named parameter "${n}"`);
      values[n] = ((source as Record<string, unknown>)[n] ?? null) as SQLInputValue;
    }
    return values;
  };
  const positional = (params: unknown[]): SQLInputValue[] => {
    if (params.length !== shape.positional) throw new RangeError(`expected ${shape.positional} parameter values, got ${params.length}`);
    return params.map((v) => (v ?? null) as SQLInputValue);
  };
  if (shape.names.length > 0) {
    return {
      run: (...params) => ({ changes: Number(s.run(named(params)).changes) }),
      get: (...params) => s.get(named(params)),
      all: (...params) => s.all(named(params)),
    };
  }
  return {
    run: (...params) => ({ changes: Number(s.run(...positional(params)).changes) }),
    get: (...params) => s.get(...positional(params)),
    all: (...params) => s.all(...positional(params)),
  };
}

/** `@name` parameters and `?` placeholders outside string literals and quoted identifiers. */
function parameterShape(sql: string): { names: string[]; positional: number } {
  const bare = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
  const names = [...new Set([...bare.matchAll(/@([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ""))];
  return { names, positional: (bare.match(/\?/g) ?? []).length };
}
