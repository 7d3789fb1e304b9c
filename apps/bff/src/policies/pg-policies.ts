import type { Pool } from "pg";
import { inTransaction } from "../platform/store/pg-transaction";
import { numbered } from "../platform/store/portable-sql";
import { pgQueueEvent } from "../notifications";
import {
  ALERT_ROWS,
  alertCountsSql,
  alertPageSql,
  GET_ALERT,
  INSERT_ALERT_ROW,
  DROP_DECIDED,
  keepDecidedSql,
  contextMatchesSql,
  OPEN_BY_POLICY,
  PENDING_MATCHES,
  PRUNE_MATCHES,
  RECENT_ALERTS,
  timeSpan,
  widenAlert,
} from "./alert-sql";
import {
  ALERT_COLUMNS,
  alertFromRow,
  alertRowFromDb,
  alertToRow,
  alertWithConnectorFromRow,
  matchFromRow,
  POLICY_COLUMNS,
  policyFromRow,
  policyToRow,
} from "./policy-columns";
import type { PolicyStore } from "./policy-store";

type Row = Record<string, unknown>;

const text = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

const INSERT_POLICY = `INSERT INTO activity_policies (${POLICY_COLUMNS.join(", ")}) VALUES (${POLICY_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`;
const UPDATABLE = POLICY_COLUMNS.filter((c) => c !== "id" && c !== "created_at" && c !== "created_by");
const UPDATE_POLICY = `UPDATE activity_policies SET ${UPDATABLE.map((c, i) => `${c} = $${i + 2}`).join(", ")} WHERE id = $1`;
const INSERT_ALERT = `INSERT INTO activity_alerts (${ALERT_COLUMNS.join(", ")}) VALUES (${ALERT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")}) ON CONFLICT (alert_key) DO NOTHING`;

/** The policies half of the PostgreSQL store. Page matches are written by the activity store's page commit. */
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
      await inTransaction(pool, async (c) => {
        await c.query(UPDATE_POLICY, [p.id, ...UPDATABLE.map((col) => row[col])]);
        await c.query("DELETE FROM policy_matches WHERE policy_id = $1", [p.id]);
      });
    },
    async deletePolicy(id) {
      return inTransaction(pool, async (c) => {
        await c.query("DELETE FROM policy_matches WHERE policy_id = $1", [id]);
        return ((await c.query("DELETE FROM activity_policies WHERE id = $1", [id])).rowCount ?? 0) > 0;
      });
    },
    async countOpenAlertsByPolicy() {
      return Object.fromEntries((await pool.query<Row>(OPEN_BY_POLICY)).rows.map((r) => [String(r.policy_id), Number(r.n)]));
    },
    async matchesToDecide(connectorId, lookbackMs, contextPolicyIds) {
      const pending = (await all(PENDING_MATCHES, [connectorId, false])).map(matchFromRow);
      const first = pending[0];
      if (!first || contextPolicyIds.length === 0) return { pending, context: [] };
      const from = new Date(Date.parse(first.requestTime) - lookbackMs).toISOString();
      return { pending, context: (await all(contextMatchesSql("SELECT unnest(?::text[])"), [connectorId, from, true, contextPolicyIds])).map(matchFromRow) };
    },
    async recentAlerts(connectorId, from) {
      return (await all(RECENT_ALERTS, [connectorId, from])).map(alertFromRow);
    },
    async applyAlertChanges(connectorId, changes, events, decided, pruneBefore) {
      await inTransaction(pool, async (c) => {
        for (const ch of changes) {
          // A new alert starts empty and is widened by the rows it gets, like an existing one.
          if (ch.isNew) {
            const row = alertToRow({ ...ch.alert, rowCount: 0 });
            await c.query(
              INSERT_ALERT,
              ALERT_COLUMNS.map((col) => row[col]),
            );
          }
          const added: { rowKey: string; requestTime: string }[] = [];
          for (const r of ch.rows) {
            if (((await c.query(text(INSERT_ALERT_ROW), [ch.alert.id, r.rowKey, r.requestTime])).rowCount ?? 0) > 0) added.push(r);
          }
          const span = timeSpan(added);
          if (span) await c.query(text(widenAlert("LEAST", "GREATEST")), [added.length, span.first, span.last, ch.alert.id]);
        }
        for (const e of events) await pgQueueEvent(c, e);
        if (decided.keep.length > 0) await c.query(text(keepDecidedSql("SELECT unnest(?::text[])")), [true, connectorId, false, decided.upTo, decided.keep]);
        await c.query(text(DROP_DECIDED), [connectorId, false, decided.upTo]);
        await c.query(text(PRUNE_MATCHES), [connectorId, true, pruneBefore]);
      });
    },
    async listAlerts(q) {
      const { sql, params } = numbered(alertPageSql(q));
      return (await pool.query<Row>(sql, params)).rows.map(alertWithConnectorFromRow);
    },
    async countAlertsByStatus(q) {
      const { sql, params } = numbered(alertCountsSql(q));
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
      const row = (
        await pool.query<Row>("UPDATE activity_alerts SET status = $1, note = $2, closed_by = $3, closed_at = $4 WHERE id = $5 RETURNING *", [
          patch.status,
          patch.note,
          patch.closedBy,
          patch.closedAt,
          id,
        ])
      ).rows[0];
      return row ? alertFromRow(row) : null;
    },
  };
}
