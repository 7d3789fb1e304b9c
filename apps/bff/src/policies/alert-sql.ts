import { asciiLower, type Sql } from "../platform/store/portable-sql";
import type { AlertQuery } from "./policy-store";

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

export function alertCountsSql(q: Omit<AlertQuery, "status" | "limit" | "after">): Sql {
  const f = filters(q);
  return { sql: `SELECT a.status AS status, count(*) AS n FROM activity_alerts a ${f.sql} GROUP BY a.status`, params: f.params };
}

export const GET_ALERT = `SELECT a.*, c.name AS connector_name, c.tenant AS tenant FROM activity_alerts a
  LEFT JOIN connectors c ON c.id = a.connector_id WHERE a.id = ?`;

/** A pruned row keeps its key and time in the alert; the account is the alert's. */
export const ALERT_ROWS = `SELECT ar.row_key, ar.request_time, coalesce(r.system_account, a.account) AS system_account, r.task_display_name,
    r.activity_action, r.ip_address, r.user_agent, r.device_type, r.target_descriptor
  FROM activity_alert_rows ar JOIN activity_alerts a ON a.id = ar.alert_id
  LEFT JOIN activity_rows r ON r.connector_id = a.connector_id AND r.request_time = ar.request_time AND r.row_key = ar.row_key
  WHERE ar.alert_id = ? ORDER BY ar.request_time, ar.row_key LIMIT ?`;

export const OPEN_BY_POLICY = "SELECT policy_id, count(*) AS n FROM activity_alerts WHERE status = 'open' GROUP BY policy_id";

export const PENDING_MATCHES = "SELECT * FROM policy_matches WHERE connector_id = ? AND evaluated = ? ORDER BY request_time, row_key";
/** Decided matches from a time on, of the policies that count (`ids`: a list or subquery of policy ids). */
export const contextMatchesSql = (ids: string) =>
  `SELECT * FROM policy_matches WHERE connector_id = ? AND request_time >= ? AND evaluated = ? AND policy_id IN (${ids}) ORDER BY request_time, row_key`;
export const RECENT_ALERTS = "SELECT * FROM activity_alerts WHERE connector_id = ? AND last_row_at >= ?";

/**
 * Matches are written before the page's rows, in its transaction, and only for rows not stored
 * yet: a re-fetched page, or a re-sync of rows stored before the policy existed, matches nothing.
 */
export const INSERT_MATCH = `INSERT INTO policy_matches (policy_id, connector_id, row_key, request_time, account)
  SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT) WHERE NOT EXISTS (SELECT 1 FROM activity_rows WHERE connector_id = ? AND request_time = ? AND row_key = ?)
  ON CONFLICT DO NOTHING`;
export const matchParams = (connectorId: string, m: { policyId: string; rowKey: string; requestTime: string; account: string }) => [
  m.policyId,
  connectorId,
  m.rowKey,
  m.requestTime,
  m.account,
  connectorId,
  m.requestTime,
  m.rowKey,
];

export const INSERT_ALERT_ROW = "INSERT INTO activity_alert_rows (alert_id, row_key, request_time) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
/**
 * Widens an alert by the rows just added to it (`?` new rows, their earliest and latest times).
 * Incremental, not a recount: an open alert that takes in rows on every page would otherwise be
 * counted again in full on every page. `LEAST`/`GREATEST` in PostgreSQL, `min`/`max` in SQLite.
 */
/** The earliest and latest times of rows (ISO strings sort as times), or null for none. */
export function timeSpan(rows: readonly { requestTime: string }[]): { first: string; last: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    if (first === null || r.requestTime < first) first = r.requestTime;
    if (last === null || r.requestTime > last) last = r.requestTime;
  }
  return first === null || last === null ? null : { first, last };
}

export const widenAlert = (least: string, greatest: string) =>
  `UPDATE activity_alerts SET row_count = row_count + ?, first_row_at = ${least}(first_row_at, ?), last_row_at = ${greatest}(last_row_at, ?) WHERE id = ?`;
/**
 * Once decided, a threshold policy's matches are kept (marked) as the history later ones count
 * over; every other pending match is dropped: an alert without a threshold needs none (the open
 * alert itself is what later matches join). Bounded by the newest match decided.
 */
export const keepDecidedSql = (ids: string) =>
  `UPDATE policy_matches SET evaluated = ? WHERE connector_id = ? AND evaluated = ? AND request_time <= ? AND policy_id IN (${ids})`;
export const DROP_DECIDED = "DELETE FROM policy_matches WHERE connector_id = ? AND evaluated = ? AND request_time <= ?";
export const PRUNE_MATCHES = "DELETE FROM policy_matches WHERE connector_id = ? AND evaluated = ? AND request_time < ?";
