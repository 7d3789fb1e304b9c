import type { SqliteDb } from "../platform/store/sqlite-driver";
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

/** The hand-off half of the SQLite store. */
export function sqliteHandoffStore(db: SqliteDb): HandoffStore {
  const one = (where: string, value: string) => {
    const row = db.prepare(`SELECT * FROM handoff_links WHERE ${where} = ?`).get(value) as Row | undefined;
    return row ? handoffFromRow(row) : null;
  };
  return {
    async insertHandoffLink(l) {
      db.prepare(`INSERT INTO handoff_links (${HANDOFF_COLUMNS.join(", ")}) VALUES (${HANDOFF_COLUMNS.map(() => "?").join(", ")})`).run(
        ...(handoffValues(l) as (string | null)[]),
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
      const rows = db.prepare("SELECT * FROM handoff_links WHERE connector_id = ? ORDER BY created_at DESC, rowid DESC").all(connectorId) as Row[];
      return rows.map(handoffFromRow);
    },
    async recordHandoffUse(id, use) {
      db.prepare(RECORD_USE_SQL).run(...(recordUseValues(id, use) as (string | number | null)[]));
    },
    async revokeHandoffLink(id, at, by) {
      return db.prepare(REVOKE_SQL).run(at, by, id).changes > 0;
    },
    async spendHandoffLink(id, use, result) {
      return db.prepare(SPEND_SQL).run(...(spendValues(id, use, result) as (string | null)[])).changes > 0;
    },
    async recordHandoffExpiry(id, at) {
      return db.prepare(EXPIRY_SQL).run(at, id).changes > 0;
    },
  };
}
