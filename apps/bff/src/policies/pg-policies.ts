import type { Pool } from "pg";
import { numbered } from "../platform/store/portable-sql";
import { inTransaction } from "../platform/store/pg-transaction";
import {
  ALERT_ROWS,
  alertCountsSql,
  alertPageSql,
  alertSelectionSql,
  GET_ALERT,
  HISTORY_FROM,
  KEPT_COUNTS,
  openByPolicySql,
  PRUNE_CLOSED_ALERTS,
  RECENT_ALERTS,
  STATUS_CHANGES,
} from "./alert-sql";
import {
  alertFromRow,
  alertRowFromDb,
  episodeFromRow,
  alertWithConnectorFromRow,
  matchesFromHistory,
  POLICY_COLUMNS,
  policyFromRow,
  policyToRow,
} from "./policy-columns";
import type { AlertsStatusResult, PolicyStore } from "./policy-store";
import { foldAlertCounts } from "./pg-alert-counts";
import { pgApplyExtensions } from "./pg-alert-writes";

type Row = Record<string, unknown>;
const OPEN_BY_POLICY = openByPolicySql(KEPT_COUNTS.pg);

/** The change and its count (COUNT_STATUS_CHANGE) in one statement, so neither is ever seen without the other. */
const SET_STATUS = `WITH changed AS (
    UPDATE activity_alerts SET status = $1, note = $2, closed_by = $3, closed_at = $4 WHERE id = $5 AND ($6::text IS NULL OR status = $6) RETURNING *
  ), counted AS (
    INSERT INTO alert_status_changes (connector_id, changes) SELECT connector_id, 1 FROM changed
    ON CONFLICT (connector_id) DO UPDATE SET changes = alert_status_changes.changes + 1
  )
  SELECT * FROM changed`;

const text = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

const INSERT_POLICY = `INSERT INTO activity_policies (${POLICY_COLUMNS.join(", ")}) VALUES (${POLICY_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`;
const UPDATABLE = POLICY_COLUMNS.filter((c) => c !== "id" && c !== "created_at" && c !== "created_by");
const UPDATE_POLICY = `UPDATE activity_policies SET ${UPDATABLE.map((c, i) => `${c} = $${i + 2}`).join(", ")} WHERE id = $1`;

/** The policies half of the PostgreSQL store. A page's alert writes go with the page (pg-alert-writes.ts). */
export function pgPolicyStore(pool: Pool): PolicyStore {
  const all = async (sql: string, params: unknown[]) => (await pool.query<Row>(text(sql), params)).rows;
  return {
    async listPolicies() {
      return (await pool.query<Row>("SELECT * FROM activity_policies ORDER BY lower(name), id")).rows.map(policyFromRow);
    },
    async getPolicy(id) {
      const row = (await pool.query<Row>("SELECT * FROM activity_policies WHERE id = $1", [id])).rows[0];
      return row ? policyFromRow(row) : null;
    },
    async insertPolicy(p) {
      const row = policyToRow(p);
      await pool.query(
        INSERT_POLICY,
        POLICY_COLUMNS.map((c) => row[c]),
      );
    },
    async updatePolicy(p) {
      const row = policyToRow(p);
      return ((await pool.query(UPDATE_POLICY, [p.id, ...UPDATABLE.map((col) => row[col])])).rowCount ?? 0) > 0;
    },
    async deletePolicy(id) {
      return ((await pool.query("DELETE FROM activity_policies WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
    async countOpenAlertsByPolicy() {
      return Object.fromEntries((await pool.query<Row>(OPEN_BY_POLICY)).rows.map((r) => [String(r.policy_id), Number(r.n)]));
    },
    async keptMatches(connectorId, from, policies) {
      if (policies.length === 0) return [];
      return matchesFromHistory(
        (await all(HISTORY_FROM, [connectorId, from])).map((r) => r.matches),
        from,
        policies,
      );
    },
    async applyAlertExtensions(connectorId) {
      if ((await pool.query("SELECT 1 FROM alert_extensions WHERE connector_id = $1 LIMIT 1", [connectorId])).rowCount === 0) return 0;
      return inTransaction(pool, (c) => pgApplyExtensions(c, connectorId));
    },
    async recentAlerts(connectorId, from) {
      return (await all(RECENT_ALERTS, [connectorId, from])).map(episodeFromRow);
    },
    async alertStatusChanges(connectorId) {
      const row = (await all(STATUS_CHANGES, [connectorId]))[0];
      return row ? Number(row.changes) : 0;
    },
    async listAlerts(q) {
      const { sql, params } = numbered(alertPageSql(q));
      return (await pool.query<Row>(sql, params)).rows.map(alertWithConnectorFromRow);
    },
    async countAlertsByStatus(q) {
      const { sql, params } = numbered(alertCountsSql(q, KEPT_COUNTS.pg));
      return Object.fromEntries((await pool.query<Row>(sql, params)).rows.map((r) => [String(r.status), Number(r.n)]));
    },
    async getAlert(id) {
      const row = (await all(GET_ALERT, [id]))[0];
      return row ? alertWithConnectorFromRow(row) : null;
    },
    async listAlertRows(alertId, limit) {
      return (await all(ALERT_ROWS, [alertId, limit])).map(alertRowFromDb);
    },
    async setAlertStatus(id, patch) {
      const row = (await pool.query<Row>(SET_STATUS, [patch.status, patch.note, patch.closedBy, patch.closedAt, id, patch.from ?? null])).rows[0];
      return row ? alertFromRow(row) : null;
    },
    async pruneClosedAlerts(connectorId, before) {
      const pruned = (await pool.query(text(PRUNE_CLOSED_ALERTS), [connectorId, before, before])).rowCount ?? 0;
      await foldAlertCounts(pool);
      return pruned;
    },
    async setAlertsStatus(selection, patch, expected) {
      const sel = alertSelectionSql(selection);
      const once = () =>
        inTransaction(pool, async (c): Promise<AlertsStatusResult> => {
          // Locked in id order, so two bulk changes over overlapping alerts wait for each other instead of deadlocking.
          const rows = (await c.query<{ id: string; connector_id: string }>(text(`${sel.sql} ORDER BY a.id FOR UPDATE`), sel.params)).rows;
          if (rows.length !== expected) return { matched: rows.length, changed: false };
          await c.query("UPDATE activity_alerts SET status = $1, note = $2, closed_by = $3, closed_at = $4 WHERE id = ANY($5::text[])", [
            patch.status,
            patch.note,
            patch.closedBy,
            patch.closedAt,
            rows.map((r) => r.id),
          ]);
          const perConnector = new Map<string, number>();
          for (const r of rows) perConnector.set(r.connector_id, (perConnector.get(r.connector_id) ?? 0) + 1);
          await c.query(
            `INSERT INTO alert_status_changes (connector_id, changes) SELECT * FROM unnest($1::text[], $2::bigint[])
              ON CONFLICT (connector_id) DO UPDATE SET changes = alert_status_changes.changes + excluded.changes`,
            [[...perConnector.keys()], [...perConnector.values()]],
          );
          return { matched: rows.length, changed: true };
        });
      // A sync's page transaction extends alerts in its own order: a deadlock with it aborts this one, which is tried again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await once();
        } catch (e) {
          if (attempt >= 3 || (e as { code?: unknown }).code !== "40P01") throw e;
        }
      }
    },
  };
}
