import { writeTx } from "./sqlite-tx";
import { withStablePlan, type SqliteDb, type SqliteStatement } from "./sqlite-driver";
import { Worker } from "node:worker_threads";

/** Statements with positional parameters; `rows` holds one parameter list per execution. */
export interface WriteBatch {
  sql: string;
  rows: unknown[][];
  /**
   * The statement is a query that must find a row for each parameter list; when one finds none,
   * the whole transaction rolls back and fails with this code and message (a lease fence).
   */
  require?: { code: string; message: string };
}

/** Runs one batch on a connection's statement: its change count, or the failure `require` asks for. */
function runBatch(s: SqliteStatement, b: WriteBatch): number {
  if (b.require) {
    for (const params of b.rows) if (s.get(...params) === undefined) throw Object.assign(new Error(b.require.message), { code: b.require.code });
    return 0;
  }
  return b.rows.reduce<number>((n, params) => n + s.run(...params).changes, 0);
}

/** Runs batches in one transaction and answers each batch's change count. */
export interface SqliteWriter {
  run(batches: WriteBatch[]): Promise<number[]>;
  close(): Promise<void>;
}

/** Rows a chunked delete removes in one transaction: tens of milliseconds of the write lock. */
export const DELETE_CHUNK = 5_000;

/**
 * Runs `sql`, a DELETE whose last parameter is a LIMIT, on the writer with `params` and
 * DELETE_CHUNK until it deletes fewer: a connector's millions of rows go in short transactions.
 * One long one would hold SQLite's write lock for tens of seconds, and every other write would
 * wait past busy_timeout and fail (on the main connection it also held the event loop). How many
 * went in all.
 */
export async function deleteInChunks(writer: SqliteWriter, sql: string, params: unknown[]): Promise<number> {
  let removed = 0;
  for (;;) {
    const [n = 0] = await writer.run([{ sql, rows: [[...params, DELETE_CHUNK]] }]);
    removed += n;
    if (n < DELETE_CHUNK) return removed;
  }
}

/** Same connection, same thread: for `:memory:` databases, which another connection cannot see. */
export function inThreadWriter(db: SqliteDb): SqliteWriter {
  const cache = new Map<string, SqliteStatement>();
  const statement = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const runAll = writeTx(db, (batches: WriteBatch[]) => batches.map((b) => runBatch(statement(b.sql), b)));
  return { run: async (batches) => runAll(batches), close: async () => undefined };
}

type Answer = { id: number; changes: number[] } | { id: number; error: string; code: string | null };

/**
 * A second connection to the same file in a worker thread. Bulk inserts (an activity backfill)
 * run there, so the main thread keeps fetching and parsing the next page meanwhile instead of
 * blocking on SQLite; WAL lets the main connection read throughout, and busy_timeout covers the
 * moments both want to write. Started on first use, so commands that never bulk-write never start it.
 */
export function workerWriter(file: string): SqliteWriter {
  let worker: Worker | null = null;
  // The thread prepares the texts it is sent, so they are sent as the driver would prepare them
  // (withStablePlan); each text is rewritten once (the batches' texts are a few dozen constants).
  const stableTexts = new Map<string, string>();
  const stable = (b: WriteBatch): WriteBatch => {
    let sql = stableTexts.get(b.sql);
    if (sql === undefined) {
      sql = withStablePlan(b.sql);
      if (stableTexts.size < 500) stableTexts.set(b.sql, sql);
    }
    return { ...b, sql };
  };
  let nextId = 0;
  const waiting = new Map<number, { resolve: (c: number[]) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  const start = () => {
    // Named, so the thread shows as sqlite-writer in top -H and in /proc (the bench reads its CPU there).
    const w = new Worker(new URL("./sqlite-writer-worker.js", import.meta.url), { workerData: { file }, name: "sqlite-writer" });
    w.on("message", (a: Answer) => {
      const entry = waiting.get(a.id);
      waiting.delete(a.id);
      if (!entry) return;
      if ("changes" in a) entry.resolve(a.changes);
      else entry.reject(Object.assign(new Error(a.error), { code: a.code }));
    });
    w.on("error", (e: unknown) => {
      failAll(e instanceof Error ? e : new Error(String(e)));
      worker = null;
    });
    w.on("exit", () => {
      failAll(new Error("the SQLite writer thread stopped"));
      worker = null;
    });
    return w;
  };
  return {
    run(batches) {
      worker ??= start();
      const id = nextId++;
      const target = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.postMessage({ id, batches: batches.map(stable) });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
