import type { ActivityFilter } from "@wc/contracts";
import { asciiLower, escapeLike, type Sql } from "../platform/store/portable-sql";
import type { ActivityPosition, ActivityQuery } from "./activity-store";

/**
 * Portable SQL for activity queries (SQLite and PostgreSQL both take it once `?` placeholders are
 * numbered): row-value comparisons for keyset paging, LIKE … ESCAPE for the task filter, a
 * correlated subquery (not a join) for the account name so a row never appears twice.
 */
export type { Sql };

/** A worker's name as the account filter compares it: any case (Unicode), spaces collapsed. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export function activityWhere(f: ActivityFilter): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (f.connectorId !== undefined) add("a.connector_id = ?", f.connectorId);
  if (f.from !== undefined) add("a.request_time >= ?", f.from);
  if (f.to !== undefined) add("a.request_time < ?", f.to);
  // Sign-in name in any case, or a worker's full name in any case (through the account list).
  // Rows have no account index (it slowed inserts); the name lookup is an index probe.
  if (f.account !== undefined)
    add(
      "(lower(a.system_account) = ? OR lower(a.system_account) IN (SELECT w.system_account FROM activity_accounts w WHERE w.connector_id = a.connector_id AND w.name_key = ?))",
      asciiLower(f.account.trim()),
      nameKey(f.account),
    );
  if (f.task !== undefined) add("(a.task_id = ? OR lower(a.task_display_name) LIKE ? ESCAPE '\\')", f.task, `%${escapeLike(f.task.toLowerCase())}%`);
  if (f.action === "OTHER") add("(a.activity_action IS NULL OR a.activity_action NOT IN ('READ', 'WRITE'))");
  else if (f.action !== undefined) add("a.activity_action = ?", f.action);
  if (f.ipAddress !== undefined) add("a.ip_address = ?", f.ipAddress);
  if (f.deviceType !== undefined) add("a.device_type = ?", f.deviceType);
  if (f.sessionId !== undefined) add("a.session_id = ?", f.sessionId);
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

// MIN picks one name deterministically when two workers share an account name, and lets the
// (connector_id, system_account) index answer it.
const accountNameOf = (row: string) => `(SELECT MIN(w.name) FROM activity_accounts w
    WHERE w.connector_id = ${row}.connector_id AND w.system_account = lower(${row}.system_account)) AS account_name`;
const SELECT = `SELECT a.*, ${accountNameOf("a")} FROM activity_rows a`;

const orderBy = (q: ActivityQuery, prefix: string) => {
  const dir = q.order === "asc" ? "ASC" : "DESC";
  return ` ORDER BY ${prefix}request_time ${dir}, ${prefix}connector_id ${dir}, ${prefix}row_key ${dir}`;
};

/**
 * The filter, and the keyset positions: after `q.after`, before `until`. Each position also bounds
 * request_time on its own: SQLite derives that range from the row value, PostgreSQL only from a
 * plain comparison (the index leads with the connector, not the time).
 */
function rangeWhere(q: ActivityQuery, until: ActivityPosition | undefined, clauses: string[] = []): Sql {
  const where = activityWhere(q.filter);
  if (where.sql) clauses.push(where.sql.slice("WHERE ".length));
  const params = [...where.params];
  const beyond = (p: ActivityPosition, later: boolean) => {
    clauses.push(`a.request_time ${later ? ">=" : "<="} ?`, `(a.request_time, a.connector_id, a.row_key) ${later ? ">" : "<"} (?, ?, ?)`);
    params.push(p.requestTime, p.requestTime, p.connectorId, p.key);
  };
  if (q.after) beyond(q.after, q.order === "asc");
  if (until) beyond(until, q.order !== "asc");
  return { sql: clauses.length > 0 ? ` WHERE ${clauses.join(" AND ")}` : "", params };
}

function pageSql(q: ActivityQuery, until: ActivityPosition | undefined): Sql {
  const where = rangeWhere(q, until);
  const offset = q.offset ?? 0;
  return {
    sql: `${SELECT}${where.sql}${orderBy(q, "a.")} LIMIT ?${offset > 0 ? " OFFSET ?" : ""}`,
    params: [...where.params, q.limit, ...(offset > 0 ? [offset] : [])],
  };
}

/** A page of one connector's rows (`q.filter.connectorId`), or of the whole table: a range of its primary key. */
export const activityPageSql = (q: ActivityQuery): Sql => pageSql(q, undefined);

/** One connector's first `q.limit` rows in order, before `until` if given (activity-across.ts merges such reads). */
export function connectorRangeSql(q: ActivityQuery, connectorId: string, until?: ActivityPosition): Sql {
  return pageSql({ ...q, filter: { ...q.filter, connectorId }, offset: 0 }, until);
}

/**
 * PostgreSQL only (LATERAL over an array of ids): the first `q.limit` rows of these connectors
 * together, in order, before `until` if given, at most `perConnector` of each. One plan for any
 * number of connectors, each a range of the primary key; account names are looked up for the rows
 * kept only.
 */
export function pgConnectorsRangeSql(q: ActivityQuery, connectorIds: readonly string[], until?: ActivityPosition, perConnector = q.limit): Sql {
  const { connectorId: _all, ...filter } = q.filter;
  const where = rangeWhere({ ...q, filter }, until, ["a.connector_id = c.id"]);
  return {
    sql: `SELECT r.*, ${accountNameOf("r")} FROM (SELECT a.* FROM unnest(?::text[]) AS c(id)
      CROSS JOIN LATERAL (SELECT a.* FROM activity_rows a${where.sql}${orderBy(q, "a.")} LIMIT ?) AS a${orderBy(q, "a.")} LIMIT ?) AS r${orderBy(q, "r.")}`,
    params: [connectorIds, ...where.params, Math.min(perConnector, q.limit), q.limit],
  };
}

const ACCOUNT_NAME = "(SELECT MIN(w.name) FROM activity_accounts w WHERE w.connector_id = ? AND w.system_account = ?)";

/** The worker name linked to a sign-in name (see the SELECT above), or no row. */
export function accountNameSql(connectorId: string, systemAccount: string): Sql {
  return { sql: `SELECT ${ACCOUNT_NAME} AS account_name`, params: [connectorId, asciiLower(systemAccount)] };
}

/**
 * The rows of `task` in [from, to) that name an account, oldest first, with the account's worker
 * name: a range of the primary key, so it reads only the rows of that window.
 */
export function taskRowsSql(connectorId: string, window: { from: string; to: string }, task: string, limit: number): Sql {
  return {
    sql: `SELECT a.system_account, a.request_time,
      (SELECT MIN(w.name) FROM activity_accounts w WHERE w.connector_id = a.connector_id AND w.system_account = lower(a.system_account)) AS account_name
      FROM activity_rows a
      WHERE a.connector_id = ? AND a.request_time >= ? AND a.request_time < ? AND a.task_display_name = ? AND a.system_account <> ''
      ORDER BY a.request_time ASC, a.row_key ASC LIMIT ?`,
    params: [connectorId, window.from, window.to, task, limit],
  };
}

export function activityCountSql(f: ActivityFilter): Sql {
  const where = activityWhere(f);
  return { sql: `SELECT COUNT(*) AS n FROM activity_rows a ${where.sql}`, params: where.params };
}

/** A connector's stored row keys in a time range: a page's rows that are not new (activity-store.ts storedRowKeys). */
export const STORED_ROW_KEYS = "SELECT row_key FROM activity_rows WHERE connector_id = ? AND request_time >= ? AND request_time <= ?";
