import type { Pool } from "pg";
import { numbered } from "../platform/store/portable-sql";
import { CONNECTOR_NAMES_SQL, connectorCountSql, connectorListRowFrom, connectorPageSql } from "./connector-list-sql";
import type { ConnectorListStore } from "./connector-list-store";

/** Same answers as sqlite-connector-list.ts: the columns it sorts and compares are COLLATE "C" (PostgreSQL migration 12). */
export function pgConnectorListStore(pool: Pool): ConnectorListStore {
  return {
    async listConnectorPage(q) {
      const { sql, params } = numbered(connectorPageSql(q));
      return (await pool.query<Record<string, unknown>>(sql, params)).rows.map((r) => connectorListRowFrom(r, q.sort));
    },
    async countConnectors(filter) {
      const { sql, params } = numbered(connectorCountSql(filter));
      return Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    },
    async listConnectorNames() {
      return (await pool.query<{ id: string; name: string }>(CONNECTOR_NAMES_SQL)).rows;
    },
  };
}
