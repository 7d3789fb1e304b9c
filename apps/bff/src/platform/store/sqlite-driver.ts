import { DatabaseSync, type SQLInputValue } from "node:sqlite";

/**
 * The store's one SQLite connection type, on Node's built-in node:sqlite (issue 18 measured it
 * against better-sqlite3: as fast on the backfill bench, and no native addon to compile on install;
 * bench/README.md has the figures). Only what the store uses: positional values or one object for
 * `@name` parameters.
 */
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

/** SQLITE_CONSTRAINT_UNIQUE, which node:sqlite reports as the extended result code. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && (e as { errcode?: unknown }).errcode === 2067;
}

/** Statements kept per connection; past this many the set starts again (the store has fewer kinds). */
const MAX_KEPT_STATEMENTS = 500;
/** Longer texts are built for one large query (a UNION per connector): prepared for that call only. */
const MAX_KEPT_SQL_LENGTH = 4000;

export function openSqlite(file: string): SqliteDb {
  const db = new DatabaseSync(file);
  let savepoints = 0;
  // The store prepares statements where it runs them, on every call; preparing (parsing and
  // planning the SQL) costs more than running a point query, and a request runs several (the
  // session, the user, the page), so each connection keeps its statements by their text. SQLite
  // re-prepares a kept statement by itself when a migration changes the schema under it.
  const kept = new Map<string, SqliteStatement>();
  const prepare = (sql: string): SqliteStatement => {
    const known = kept.get(sql);
    if (known) return known;
    const statement = nodeStatement(db, sql);
    if (sql.length <= MAX_KEPT_SQL_LENGTH) {
      if (kept.size >= MAX_KEPT_STATEMENTS) kept.clear();
      kept.set(sql, statement);
    }
    return statement;
  };
  return {
    prepare,
    exec: (sql) => db.exec(sql),
    // A nested call uses a savepoint, so an inner failure undoes only the inner writes.
    immediate:
      (fn) =>
      (...args) => {
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
 * node:sqlite on its own binds a missing parameter as NULL, refuses `undefined` and rejects keys the
 * statement does not name. Here a missing parameter is an error (a silent NULL would hide a store
 * bug), `undefined` is NULL and extra keys are ignored, so a row object can carry more than one
 * statement needs (the rules the store was written to, under better-sqlite3).
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
