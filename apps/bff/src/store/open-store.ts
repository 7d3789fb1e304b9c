import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { openPgStore } from "./pg-store";
import { openSqliteStore } from "./sqlite-store";
import { withCountCache } from "./count-cache";
import { withConnectorReadCache } from "./connector-read-cache";
import type { Store } from "./types";

/**
 * Picks the store from DATABASE_URL: `file:<path>` or `:memory:` → SQLite (the embedded default),
 * `postgres://` or `postgresql://` → PostgreSQL (several replicas can share it).
 */
export async function openStore(databaseUrl: string, log?: Pick<Logger, "warn">): Promise<Store> {
  return withConnectorReadCache(withCountCache(await openRawStore(databaseUrl, log), { ttlMs: COUNT_REUSE_MS }), { ttlMs: COUNT_REUSE_MS });
}

/** A status page's row counts, and the connectors list, may trail another replica's writes by this much (this process's own writes show at once). */
const COUNT_REUSE_MS = 2000;

async function openRawStore(databaseUrl: string, log?: Pick<Logger, "warn">): Promise<Store> {
  if (databaseUrl === ":memory:" || databaseUrl === "file::memory:") return openSqliteStore(":memory:");
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.startsWith("file://") ? fileURLToPath(databaseUrl) : databaseUrl.slice("file:".length);
    return openSqliteStore(file, log);
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPgStore(databaseUrl);
  throw new Error(`DATABASE_URL must be file:<path> (SQLite) or postgres://…; got an unrecognised value.`);
}
