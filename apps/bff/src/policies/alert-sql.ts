import { asciiLower, type Sql } from "../platform/store/portable-sql";
import type { AlertQuery, AlertSelection } from "./policy-store";

// SQL with `?` placeholders, shared by both engines (PostgreSQL numbers them).

function filters(q: Omit<AlertQuery, "limit" | "after">): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, v: unknown) => {
    where.push(clause);
    params.push(v);
  };
  if (q.policyId !== undefined) add("a.policy_id = ?", q.policyId);
  if (q.severity !== undefined) add("a.severity = ?", q.severity);
  if (q.connectorId !== undefined) add("a.connector_id = ?", q.connectorId);
  if (q.account !== undefined) add("lower(a.account) = ?", asciiLower(q.account));
  if (q.status !== undefined) add("a.status = ?", q.status);
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

/** Newest first, by keyset on (raised_at, id): stable while alerts are raised between page reads. */
export function alertPageSql(q: AlertQuery): Sql {
  const f = filters(q);
  const params = [...f.params];
  let where = f.sql;
  if (q.after) {
    where = `${where ? `${where} AND` : "WHERE"} (a.raised_at < ? OR (a.raised_at = ? AND a.id < ?))`;
    params.push(q.after.raisedAt, q.after.raisedAt, q.after.id);
  }
  params.push(q.limit);
  return {
    sql: `SELECT a.*, c.name AS connector_name, c.tenant AS tenant FROM activity_alerts a LEFT JOIN connectors c ON c.id = a.connector_id
      ${where} ORDER BY a.raised_at DESC, a.id DESC LIMIT ?`,
    params,
  };
}

/**
 * Where the counts per (connector, policy, severity, status) are kept, summing which reads a few
 * hundred rows instead of every alert. SQLite's triggers keep its table exact; PostgreSQL's append
 * each statement's changes, folded into its table later (pg-alert-counts.ts), and a count reads
 * both in one statement.
 */
export const KEPT_COUNTS = {
  sqlite: "alert_counts",
  pg: `(SELECT connector_id, policy_id, severity, status, n FROM alert_counts
    UNION ALL SELECT connector_id, policy_id, severity, status, n FROM alert_count_changes)`,
} as const;

/**
 * The counts per status: from the kept counts, or with an account (not kept) from the alerts,
 * through the index on the lower-cased account.
 */
export function alertCountsSql(q: Omit<AlertQuery, "status" | "limit" | "after">, kept: string): Sql {
  const f = filters(q);
  if (q.account !== undefined) return { sql: `SELECT a.status AS status, count(*) AS n FROM activity_alerts a ${f.sql} GROUP BY a.status`, params: f.params };
  return { sql: `SELECT a.status AS status, sum(a.n) AS n FROM ${kept} a ${f.sql} GROUP BY a.status HAVING sum(a.n) > 0`, params: f.params };
}

/** The alerts a bulk status change selects (their id and connector), by the list's filters and a status. */
export function alertSelectionSql(q: AlertSelection): Sql {
  const f = filters(q);
  return { sql: `SELECT a.id, a.connector_id FROM activity_alerts a ${f.sql}`, params: f.params };
}

/** Closed alerts past retention; by `last_row_at` first, so the connector's index narrows the read. */
export const PRUNE_CLOSED_ALERTS = `DELETE FROM activity_alerts WHERE connector_id = ? AND last_row_at < ? AND status <> 'open' AND closed_at < ?`;
/** The same a chunk at a time (deleteInChunks, SQLite): a retention lowered may prune many at once. */
export const PRUNE_CLOSED_ALERTS_CHUNK = `DELETE FROM activity_alerts WHERE id IN
  (SELECT id FROM activity_alerts WHERE connector_id = ? AND last_row_at < ? AND status <> 'open' AND closed_at < ? LIMIT ?)`;

/** A connector's alerts (with their rows), a chunk at a time before the connector is deleted (deleteInChunks). */
export const DROP_ALERTS = `DELETE FROM activity_alerts WHERE id IN (SELECT id FROM activity_alerts WHERE connector_id = ? LIMIT ?)`;

export const GET_ALERT = `SELECT a.*, c.name AS connector_name, c.tenant AS tenant FROM activity_alerts a
  LEFT JOIN connectors c ON c.id = a.connector_id WHERE a.id = ?`;

/** A pruned row keeps its key and time in the alert; the account is the alert's. */
export const ALERT_ROWS = `SELECT ar.row_key, ar.request_time, coalesce(r.system_account, a.account) AS system_account, r.task_display_name,
    r.activity_action, r.ip_address, r.user_agent, r.device_type, r.target_descriptor
  FROM activity_alert_rows ar JOIN activity_alerts a ON a.id = ar.alert_id
  LEFT JOIN activity_rows r ON r.connector_id = a.connector_id AND r.request_time = ar.request_time AND r.row_key = ar.row_key
  WHERE ar.alert_id = ? ORDER BY ar.request_time, ar.row_key LIMIT ?`;

/** Open alerts per policy, from the kept counts (KEPT_COUNTS). */
export const openByPolicySql = (kept: string) =>
  `SELECT a.policy_id, sum(a.n) AS n FROM ${kept} a WHERE a.status = 'open' GROUP BY a.policy_id HAVING sum(a.n) > 0`;

/** A connector's history entries that reach a time (matchesFromHistory reads them). */
export const HISTORY_FROM = "SELECT matches FROM policy_history WHERE connector_id = ? AND last_at >= ?";
export const INSERT_HISTORY = "INSERT INTO policy_history (connector_id, last_at, matches) VALUES (?, ?, ?)";
// Only what deciding needs (AlertEpisode): a dense log has hundreds of alerts within the hour read on every page.
export const RECENT_ALERTS =
  "SELECT id, policy_id, account, status, first_row_at, last_row_at FROM activity_alerts WHERE connector_id = ? AND last_row_at >= ?";

/**
 * A user's resolve, dismiss or reopen counts one more status change for the alert's connector, in
 * the same statement or transaction: a sync window holds the connector's recent alerts and reads
 * them again only when this count moved (alert-session.ts).
 */
export const COUNT_STATUS_CHANGE = `INSERT INTO alert_status_changes (connector_id, changes)
  SELECT connector_id, 1 FROM activity_alerts WHERE id = ?
  ON CONFLICT (connector_id) DO UPDATE SET changes = alert_status_changes.changes + 1`;
export const STATUS_CHANGES = "SELECT changes FROM alert_status_changes WHERE connector_id = ?";

/** History entries wholly older than the longest span any threshold may look back over. */
export const PRUNE_HISTORY = "DELETE FROM policy_history WHERE connector_id = ? AND last_at < ?";
