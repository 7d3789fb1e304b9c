// Runs write transactions on its own SQLite connection, off the main thread (see sqlite-writer.ts).
// Plain JavaScript so it loads in any runtime (tsx, vitest, plain node) without a TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import { DatabaseSync } from "node:sqlite";

const db = new DatabaseSync(workerData.file);
db.exec("PRAGMA journal_mode = WAL");
db.exec("PRAGMA foreign_keys = ON");
db.exec("PRAGMA busy_timeout = 5000");
// This connection only writes re-fetchable pages (rows + the cursor that covers them). In WAL mode
// NORMAL keeps every commit across a process crash and only skips the fsync per commit: after a
// power loss the last pages roll back together with their cursor and are simply fetched again.
db.exec("PRAGMA synchronous = NORMAL");
// 32 MiB of page cache instead of SQLite's 2 MiB: a backfill inserts into indexes far larger than
// that (row keys land anywhere in theirs); with 2 MiB the writer kept reading index pages back from
// the OS and spilling dirty ones mid-transaction (perf). Policies backfill, bench/README.md: 1.49×
// → 1.34–1.40×; in one run each, 16 MiB did no better than 2 and 96 MiB no better than 32.
db.exec("PRAGMA cache_size = -32768");

const statements = new Map();
const statement = (sql) => {
  let s = statements.get(sql);
  if (!s) {
    s = db.prepare(sql);
    statements.set(sql, s);
  }
  return s;
};

// BEGIN IMMEDIATE: the write lock is taken (waiting up to busy_timeout) before anything runs.
function immediate(conn, fn) {
  return (...args) => {
    conn.exec("BEGIN IMMEDIATE");
    try {
      const result = fn(...args);
      conn.exec("COMMIT");
      return result;
    } catch (e) {
      if (conn.isTransaction) conn.exec("ROLLBACK");
      throw e;
    }
  };
}

// Every batch of one message in ONE transaction; the answer is each batch's change count. A batch
// with `require` is a query that must find a row for each parameter list, or the transaction rolls
// back with its code (runBatch in sqlite-writer.ts, the same rule on the main thread's connection).
const runAll = immediate(db, (batches) =>
  batches.map(({ sql, rows, require }) => {
    const s = statement(sql);
    if (require) {
      for (const params of rows) if (s.get(...params) === undefined) throw Object.assign(new Error(require.message), { code: require.code });
      return 0;
    }
    let changes = 0;
    for (const params of rows) changes += Number(s.run(...params).changes);
    return changes;
  }),
);

parentPort.on("message", ({ id, batches }) => {
  try {
    parentPort.postMessage({ id, changes: runAll(batches) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e), code: e && typeof e === "object" && "code" in e ? e.code : null });
  }
});
