import type { SqliteDb } from "../platform/store/sqlite-driver";
import { CONNECTOR_NAMES_SQL, connectorCountSql, connectorListRowFrom, connectorPageSql } from "./connector-list-sql";
import type { ConnectorListStore } from "./connector-list-store";

type Row = Record<string, unknown>;

export function sqliteConnectorListStore(db: SqliteDb): ConnectorListStore {
  return {
    async listConnectorPage(q) {
      const { sql, params } = connectorPageSql(q);
      return (db.prepare(sql).all(...params) as Row[]).map((r) => connectorListRowFrom(r, q.sort));
    },
    async countConnectors(filter) {
      const { sql, params } = connectorCountSql(filter);
      return Number((db.prepare(sql).get(...params) as { n: number }).n);
    },
    async listConnectorNames() {
      return db.prepare(CONNECTOR_NAMES_SQL).all() as { id: string; name: string }[];
    },
  };
}
