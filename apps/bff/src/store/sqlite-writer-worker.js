// Runs write transactions on its own SQLite connection, off the main thread (see sqlite-writer.ts).
// Plain JavaScript so it loads in any runtime (tsx, vitest, plain node) without a TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file);
db.pragma("journal_mode = WAL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
// This connection only writes re-fetchable pages (rows + the cursor that covers them). In WAL mode
// NORMAL keeps every commit across a process crash and only skips the fsync per commit: after a
// power loss the last pages roll back together with their cursor and are simply fetched again.
db.pragma("synchronous = NORMAL");

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
  const tx = conn.transaction(fn);
  return (...args) => tx.immediate(...args);
}

// Every batch of one message in ONE transaction; the answer is each batch's change count.
const runAll = immediate(db, (batches) =>
  batches.map(({ sql, rows }) => {
    const s = statement(sql);
    let changes = 0;
    for (const params of rows) changes += s.run(params).changes;
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
