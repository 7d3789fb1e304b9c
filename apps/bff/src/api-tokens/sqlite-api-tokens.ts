import type { SqliteDb } from "../platform/store/sqlite-driver";
import { API_TOKEN_COLUMNS, apiTokenFromRow, apiTokenValues, REVOKE_SQL, TOUCH_SQL } from "./api-token-columns";
import type { ApiTokenStore } from "./api-token-store";

type Row = Record<string, unknown>;

/** The API token half of the SQLite store. */
export function sqliteApiTokenStore(db: SqliteDb): ApiTokenStore {
  const one = (where: string, value: string) => {
    const row = db.prepare(`SELECT * FROM api_tokens WHERE ${where} = ?`).get(value) as Row | undefined;
    return row ? apiTokenFromRow(row) : null;
  };
  return {
    async insertApiToken(t) {
      db.prepare(`INSERT INTO api_tokens (${API_TOKEN_COLUMNS.join(", ")}) VALUES (${API_TOKEN_COLUMNS.map(() => "?").join(", ")})`).run(...apiTokenValues(t));
    },
    async getApiToken(id) {
      return one("id", id);
    },
    async getApiTokenByHash(hash) {
      return one("token_hash", hash);
    },
    async listApiTokens() {
      return (db.prepare("SELECT * FROM api_tokens ORDER BY created_at DESC, rowid DESC").all() as Row[]).map(apiTokenFromRow);
    },
    async revokeApiToken(id, at, by) {
      return db.prepare(REVOKE_SQL).run(at, by, id).changes > 0;
    },
    async touchApiToken(id, at) {
      db.prepare(TOUCH_SQL).run(at, id, at);
    },
  };
}
