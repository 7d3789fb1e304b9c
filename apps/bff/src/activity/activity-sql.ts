import type { ActivityFilter } from "@wc/contracts";
import type { ActivityQuery } from "./activity-store";

/**
 * Portable SQL for activity queries (SQLite and PostgreSQL both take it once `?` placeholders are
 * numbered): row-value comparisons for keyset paging, LIKE … ESCAPE for the task filter, a
 * correlated subquery (not a join) for the account name so a row never appears twice.
 */
export interface Sql {
  sql: string;
  params: unknown[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Case folding as both engines do it in SQL: SQLite's lower() and PostgreSQL's under COLLATE "C"
 * fold A–Z only, so a parameter compared with lower(column) is folded the same way.
 */
export const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

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
const SELECT = `SELECT a.*,
  (SELECT MIN(w.name) FROM activity_accounts w
    WHERE w.connector_id = a.connector_id AND w.system_account = lower(a.system_account)) AS account_name
  FROM activity_rows a`;

const orderBy = (q: ActivityQuery, prefix: string) => {
  const dir = q.order === "asc" ? "ASC" : "DESC";
  return ` ORDER BY ${prefix}request_time ${dir}, ${prefix}connector_id ${dir}, ${prefix}row_key ${dir}`;
};

/** One connector's (or the whole table's) rows in order, after the keyset position if any. */
function rangeSql(q: ActivityQuery, limit: number, offset: number): Sql {
  const where = activityWhere(q.filter);
  const params = [...where.params];
  let sql = `${SELECT} ${where.sql}`;
  if (q.after) {
    sql += `${where.sql ? " AND" : " WHERE"} (a.request_time, a.connector_id, a.row_key) ${q.order === "asc" ? ">" : "<"} (?, ?, ?)`;
    params.push(q.after.requestTime, q.after.connectorId, q.after.key);
  }
  sql += `${orderBy(q, "a.")} LIMIT ?`;
  params.push(limit);
  if (offset > 0) {
    sql += " OFFSET ?";
    params.push(offset);
  }
  return { sql, params };
}

/**
 * A page in (requestTime, connectorId, key) order. For one connector, a range of its primary key.
 * Across connectors, each connector's first `offset + limit` rows are merged (UNION ALL of
 * per-connector ranges, each read from the primary key) and the page is cut from the merge: no
 * global time index to maintain on every insert, at the price of deep offset pages costing more
 * (keyset cursors stay cheap).
 */
export function activityPageSql(q: ActivityQuery, connectorIds: readonly string[]): Sql {
  const offset = q.offset ?? 0;
  if (q.filter.connectorId !== undefined) return rangeSql(q, q.limit, offset);
  if (connectorIds.length === 0) return { sql: `${SELECT} WHERE 1 = 0`, params: [] };
  const parts = connectorIds.map((id) => rangeSql({ ...q, filter: { ...q.filter, connectorId: id } }, offset + q.limit, 0));
  const sql = `SELECT * FROM (${parts.map((p, i) => `SELECT * FROM (${p.sql}) AS p${i}`).join(" UNION ALL ")}) AS merged${orderBy(q, "")} LIMIT ? OFFSET ?`;
  return { sql, params: [...parts.flatMap((p) => p.params), q.limit, offset] };
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
