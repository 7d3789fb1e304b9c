import type { ConnectorSort, ConnectorSummary } from "@wc/contracts";
import { asciiLower, escapeLike, type Sql } from "../platform/store/portable-sql";
import { CONNECTOR_COLUMNS } from "./connector-columns";
import type { ConnectorListFilter, ConnectorListRow, ConnectorPageQuery, ConnectorPosition } from "./connector-list-store";

/**
 * Portable SQL for the connectors list (both engines; see the migrations "the connectors list at
 * scale"). Each sort is a keyset over non-null columns with an index in that order, ending in the
 * unique name and the id, so "the rows after this one" is one row-value comparison and never
 * skips or repeats a row that kept its place.
 */
export const SORT_KEYS: Record<ConnectorSort, readonly { col: string; kind: "text" | "int" }[]> = {
  name: [
    { col: "name_key", kind: "text" },
    { col: "id", kind: "text" },
  ],
  status: [
    { col: "status_rank", kind: "int" },
    { col: "name_key", kind: "text" },
    { col: "id", kind: "text" },
  ],
  lastSuccess: [
    { col: "last_success_key", kind: "text" },
    { col: "name_key", kind: "text" },
    { col: "id", kind: "text" },
  ],
};

// Exhaustive over the summary: a field added to it fails to compile here until it is read.
const SUMMARY: Record<keyof ConnectorSummary, true> = {
  id: true,
  name: true,
  status: true,
  reasonCode: true,
  tenant: true,
  environment: true,
  wizardStep: true,
  connectedAt: true,
  lastSuccessAt: true,
  createdAt: true,
};
const SUMMARY_FIELDS = Object.keys(SUMMARY) as (keyof ConnectorSummary)[];
const SUMMARY_COLUMNS = SUMMARY_FIELDS.map((f) => CONNECTOR_COLUMNS[f].col);

export function connectorWhere(f: ConnectorListFilter): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.statuses !== undefined) {
    clauses.push(f.statuses.length === 0 ? "1 = 0" : `status IN (${f.statuses.map(() => "?").join(", ")})`);
    params.push(...f.statuses);
  }
  if (f.environment !== undefined) {
    clauses.push("environment = ?");
    params.push(f.environment);
  }
  if (f.search !== undefined) {
    // name_key is the name lower-cased by the BFF (any letter); the tenant is folded A–Z in SQL.
    clauses.push("(name_key LIKE ? ESCAPE '\\' OR lower(tenant) LIKE ? ESCAPE '\\')");
    params.push(`%${escapeLike(f.search.toLowerCase())}%`, `%${escapeLike(asciiLower(f.search))}%`);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export function connectorPageSql(q: ConnectorPageQuery): Sql {
  const keys = SORT_KEYS[q.sort].map((k) => k.col);
  const where = connectorWhere(q.filter);
  const params = [...where.params];
  let sql = `SELECT ${[...new Set([...SUMMARY_COLUMNS, ...keys])].join(", ")} FROM connectors ${where.sql}`;
  if (q.after) {
    if (q.after.length !== keys.length) throw new Error(`a ${q.sort} position has ${keys.length} values`);
    sql += `${where.sql ? " AND" : " WHERE"} (${keys.join(", ")}) ${q.order === "asc" ? ">" : "<"} (${keys.map(() => "?").join(", ")})`;
    params.push(...q.after);
  }
  const dir = q.order === "asc" ? "ASC" : "DESC";
  sql += ` ORDER BY ${keys.map((k) => `${k} ${dir}`).join(", ")} LIMIT ?`;
  params.push(q.limit);
  return { sql, params };
}

/** The name sort's order, whole: a walk of the unique name_key index, two columns (name_key is unique, so id never breaks a tie). */
export const CONNECTOR_NAMES_SQL = "SELECT id, name FROM connectors ORDER BY name_key, id";

export function connectorCountSql(f: ConnectorListFilter): Sql {
  const where = connectorWhere(f);
  return { sql: `SELECT count(*) AS n FROM connectors ${where.sql}`, params: where.params };
}

export function connectorListRowFrom(row: Record<string, unknown>, sort: ConnectorSort): ConnectorListRow {
  const summary: Record<string, unknown> = {};
  for (const f of SUMMARY_FIELDS) summary[f] = row[CONNECTOR_COLUMNS[f].col] ?? null;
  const position: ConnectorPosition = SORT_KEYS[sort].map((k) => (k.kind === "int" ? Number(row[k.col]) : String(row[k.col])));
  return { summary: summary as ConnectorSummary, position };
}
