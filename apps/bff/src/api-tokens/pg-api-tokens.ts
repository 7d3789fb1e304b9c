import type { Pool } from "pg";
import { API_TOKEN_COLUMNS, apiTokenFromRow, apiTokenValues, REVOKE_SQL, TOUCH_SQL } from "./api-token-columns";
import type { ApiTokenStore } from "./api-token-store";

type Row = Record<string, unknown>;

/** `?` placeholders (shared SQL text) as PostgreSQL's `$n`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The API token half of the PostgreSQL store. */
export function pgApiTokenStore(pool: Pool): ApiTokenStore {
  const one = async (where: string, value: string) => {
    const r = await pool.query<Row>(`SELECT * FROM api_tokens WHERE ${where} = $1`, [value]);
    return r.rows[0] ? apiTokenFromRow(r.rows[0]) : null;
  };
  return {
    async insertApiToken(t) {
      await pool.query(
        `INSERT INTO api_tokens (${API_TOKEN_COLUMNS.join(", ")}) VALUES (${API_TOKEN_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
        apiTokenValues(t),
      );
    },
    async getApiToken(id) {
      return one("id", id);
    },
    async getApiTokenByHash(hash) {
      return one("token_hash", hash);
    },
    async listApiTokens() {
      return (await pool.query<Row>("SELECT * FROM api_tokens ORDER BY created_at DESC, seq DESC")).rows.map(apiTokenFromRow);
    },
    async revokeApiToken(id, at, by) {
      return ((await pool.query(numbered(REVOKE_SQL), [at, by, id])).rowCount ?? 0) > 0;
    },
    async touchApiToken(id, at) {
      await pool.query(numbered(TOUCH_SQL), [at, id, at]);
    },
  };
}
