import type { SqliteDb, SqliteStatement } from "../platform/store/sqlite-driver";
import { connectorCountSql, connectorListRowFrom, connectorPageSql } from "./connector-list-sql";
import type { ConnectorListStore } from "./connector-list-store";

type Row = Record<string, unknown>;

/** Distinct statements the list makes: sorts × orders × which filters, a few hundred at most. */
const MAX_STATEMENTS = 500;

export function sqliteConnectorListStore(db: SqliteDb): ConnectorListStore {
  // Preparing is a good part of a page read's time; the list is read on every visit to the page.
  const statements = new Map<string, SqliteStatement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    async listConnectorPage(q) {
      const { sql, params } = connectorPageSql(q);
      return (statement(sql).all(...params) as Row[]).map((r) => connectorListRowFrom(r, q.sort));
    },
    async countConnectors(filter) {
      const { sql, params } = connectorCountSql(filter);
      return Number((statement(sql).get(...params) as { n: number }).n);
    },
  };
}
