import { fileURLToPath } from "node:url";
import { openSqliteStore } from "./sqlite-store";
import type { Store } from "./types";

/** Picks the store from DATABASE_URL: `file:<path>` or `:memory:` → SQLite (the embedded default). */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl === ":memory:" || databaseUrl === "file::memory:") return openSqliteStore(":memory:");
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.startsWith("file://") ? fileURLToPath(databaseUrl) : databaseUrl.slice("file:".length);
    return openSqliteStore(file);
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error("DATABASE_URL points at PostgreSQL, which this version does not support yet; use a file: URL (SQLite).");
  }
  throw new Error(`DATABASE_URL must be file:<path> (SQLite) or postgres://…; got an unrecognised value.`);
}
