import { constants, DatabaseSync, type SQLInputValue } from "node:sqlite";

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

export interface SqliteOptions {
  /**
   * Called with a kept statement's text when SQLite prepares it again while running it although
   * the schema has not changed since it was compiled: a plan that hangs on bound values (see
   * withStablePlan). For tests and diagnosis: it reads the schema version around every run.
   */
  onReplan?: (sql: string) => void;
}

export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDb {
  const db = new DatabaseSync(file);
  const watch = options.onReplan ? replanWatch(db, options.onReplan) : null;
  let savepoints = 0;
  // The store prepares statements where it runs them, on every call; preparing (parsing and
  // planning the SQL) costs more than running a point query, and a request runs several (the
  // session, the user, the page), so each connection keeps its statements by their text. SQLite
  // re-prepares a kept statement by itself when a migration changes the schema under it.
  const kept = new Map<string, SqliteStatement>();
  const prepare = (sql: string): SqliteStatement => {
    const known = kept.get(sql);
    if (known) return known;
    const statement = watch ? watch(sql, nodeStatement(db, sql)) : nodeStatement(db, sql);
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
  const s = db.prepare(withStablePlan(sql));
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

/**
 * Every placeholder outside string literals, quoted identifiers and comments, as `+?` / `+@name`.
 * SQLite plans some statements around the values bound to them (a `LIMIT ?`, a join's `col = ?`
 * propagated as a constant, a `LIKE ?` prefix), and then prepares such a statement again, parsing
 * and planning it, on every run, because the next values may differ: for the session lookup that
 * was half of its time (bench/README.md, P3). The unary plus hides the value from the planner, as
 * SQLITE_DBCONFIG_ENABLE_QPSG would (node:sqlite cannot set it), so a kept statement is planned
 * once; it changes no value, and an index still serves `col = +?`.
 */
export function withStablePlan(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|(\?\d*|@[A-Za-z_]\w*)/g, (m, placeholder?: string) =>
    placeholder ? `+${placeholder}` : m,
  );
}

/**
 * The authorizer runs whenever SQLite compiles SQL, so during a statement's run it marks a
 * re-prepare; one at a schema version (main and temp) the statement was already compiled at was
 * caused by its values, not by a schema change.
 */
function replanWatch(db: DatabaseSync, report: (sql: string) => void) {
  const main = db.prepare("PRAGMA main.schema_version");
  const temp = db.prepare("PRAGMA temp.schema_version");
  const schema = () => `${String(main.get()?.schema_version)}/${String(temp.get()?.schema_version)}`;
  const compiledAt = new Map<string, string>();
  let running: { sql: string; schema: string } | null = null;
  db.setAuthorizer(() => {
    // Called for each table and column the compile touches: the first call decides.
    if (running !== null) {
      if (compiledAt.get(running.sql) === running.schema) report(running.sql);
      compiledAt.set(running.sql, running.schema);
      running = null;
    }
    return constants.SQLITE_OK;
  });
  const during =
    <A extends unknown[], R>(sql: string, f: (...a: A) => R) =>
    (...a: A): R => {
      running = { sql, schema: schema() };
      try {
        return f(...a);
      } finally {
        running = null;
      }
    };
  return (sql: string, s: SqliteStatement): SqliteStatement => {
    compiledAt.set(sql, schema());
    return {
      run: during(sql, (...a: unknown[]) => s.run(...a)),
      get: during(sql, (...a: unknown[]) => s.get(...a)),
      all: during(sql, (...a: unknown[]) => s.all(...a)),
    };
  };
}

/** `@name` parameters and `?` placeholders outside string literals and quoted identifiers. */
function parameterShape(sql: string): { names: string[]; positional: number } {
  const bare = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
  const names = [...new Set([...bare.matchAll(/@([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ""))];
  return { names, positional: (bare.match(/\?/g) ?? []).length };
}
