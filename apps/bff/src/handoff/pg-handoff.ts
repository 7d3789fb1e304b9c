import type { Pool } from "pg";
import {
  EXPIRY_SQL,
  HANDOFF_COLUMNS,
  handoffFromRow,
  handoffValues,
  RECORD_USE_SQL,
  recordUseValues,
  REVOKE_SQL,
  SPEND_SQL,
  spendValues,
} from "./handoff-columns";
import type { HandoffStore } from "./handoff-store";

type Row = Record<string, unknown>;

/** `?` placeholders (shared SQL text) as PostgreSQL's `$n`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The hand-off half of the PostgreSQL store. */
export function pgHandoffStore(pool: Pool): HandoffStore {
  const one = async (where: string, value: string) => {
    const r = await pool.query<Row>(`SELECT * FROM handoff_links WHERE ${where} = $1`, [value]);
    return r.rows[0] ? handoffFromRow(r.rows[0]) : null;
  };
  const changed = async (sql: string, values: unknown[]) => ((await pool.query(numbered(sql), values)).rowCount ?? 0) > 0;
  return {
    async insertHandoffLink(l) {
      await pool.query(
        `INSERT INTO handoff_links (${HANDOFF_COLUMNS.join(", ")}) VALUES (${HANDOFF_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
        handoffValues(l),
      );
    },
    async getHandoffLink(id) {
      return one("id", id);
    },
    async getHandoffLinkByTokenHash(hash) {
      return one("token_hash", hash);
    },
    async getHandoffLinkByResultHash(hash) {
      return one("result_hash", hash);
    },
    async listHandoffLinks(connectorId) {
      const r = await pool.query<Row>("SELECT * FROM handoff_links WHERE connector_id = $1 ORDER BY created_at DESC, seq DESC", [connectorId]);
      return r.rows.map(handoffFromRow);
    },
    async recordHandoffUse(id, use) {
      await pool.query(numbered(RECORD_USE_SQL), recordUseValues(id, use));
    },
    async revokeHandoffLink(id, at, by) {
      return changed(REVOKE_SQL, [at, by, id]);
    },
    async spendHandoffLink(id, use, result) {
      return changed(SPEND_SQL, spendValues(id, use, result));
    },
    async recordHandoffExpiry(id, at) {
      return changed(EXPIRY_SQL, [at, id]);
    },
  };
}
