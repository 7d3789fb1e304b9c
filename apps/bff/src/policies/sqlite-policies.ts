import type { SqliteDb } from "../platform/store/sqlite-driver";
import { writeTx } from "../platform/store/sqlite-tx";
import type { SqliteWriter } from "../platform/store/sqlite-writer";
import {
  ALERT_ROWS,
  alertCountsSql,
  alertSelectionSql,
  alertPageSql,
  COUNT_STATUS_CHANGE,
  GET_ALERT,
  HISTORY_FROM,
  openByPolicySql,
  KEPT_COUNTS,
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
import type { AlertSelection, AlertsStatusResult, PolicyRecord, PolicyStore } from "./policy-store";
import { APPLY_EXTENSIONS } from "./sqlite-alert-writes";

type Row = Record<string, unknown>;
/** The bulk change's count check failed: the filters no longer select as many alerts as expected. */
const SELECTION_MOVED = { code: "selection_moved", message: "The alerts the filters select changed." };
const OPEN_BY_POLICY = openByPolicySql(KEPT_COUNTS.sqlite);

const INSERT_POLICY = `INSERT INTO activity_policies (${POLICY_COLUMNS.join(", ")}) VALUES (${POLICY_COLUMNS.map((c) => `@${c}`).join(", ")})`;
const UPDATE_POLICY = `UPDATE activity_policies SET ${POLICY_COLUMNS.filter((c) => c !== "id" && c !== "created_at" && c !== "created_by")
  .map((c) => `${c} = @${c}`)
  .join(", ")} WHERE id = @id`;
// better-sqlite3 binds no booleans.
const sqliteRow = (p: PolicyRecord) => ({ ...policyToRow(p), enabled: p.enabled ? 1 : 0 });

/** The policies half of the SQLite store. A page's alert writes go with the page (sqlite-alert-writes.ts). */
export function sqlitePolicyStore(db: SqliteDb, writer: SqliteWriter): PolicyStore {
  // On the main connection: run once when a window starts and entries were left (rare), so the
  // writer thread's page transactions need not carry it.
  const applyExtensions = writeTx(db, (connectorId: string) => {
    let dropped = 0;
    for (const s of APPLY_EXTENSIONS) dropped = s.connector ? db.prepare(s.sql).run(connectorId).changes : db.prepare(s.sql).run().changes;
    return dropped;
  });
  const setStatus = writeTx(db, (id: string, patch: Parameters<PolicyStore["setAlertStatus"]>[1]) => {
    const changed = db
      .prepare(`UPDATE activity_alerts SET status = ?, note = ?, closed_by = ?, closed_at = ? WHERE id = ?${patch.from ? " AND status = ?" : ""}`)
      .run(patch.status, patch.note, patch.closedBy, patch.closedAt, id, ...(patch.from ? [patch.from] : [])).changes;
    if (changed === 0) return null;
    db.prepare(COUNT_STATUS_CHANGE).run(id);
    return alertFromRow(db.prepare("SELECT * FROM activity_alerts WHERE id = ?").get(id) as Row);
  });

  /**
   * A bulk change runs on the writer (a worker thread for a file): changing 50,000 alerts takes
   * seconds, which on the main connection held the event loop, and every request with it. The count
   * check is the transaction's first statement, so nothing changes unless the selection still
   * holds exactly the alerts the admin was shown.
   */
  async function setManyStatus(selection: AlertSelection, patch: Parameters<PolicyStore["setAlertsStatus"]>[1], expected: number): Promise<AlertsStatusResult> {
    const sel = alertSelectionSql(selection);
    try {
      await writer.run([
        { sql: `SELECT 1 WHERE (SELECT count(*) FROM (${sel.sql})) = ?`, rows: [[...sel.params, expected]], require: SELECTION_MOVED },
        // Counted before the change, while the selection still holds: one change per alert for its connector.
        {
          sql: `INSERT INTO alert_status_changes (connector_id, changes) SELECT connector_id, count(*) FROM (${sel.sql}) WHERE true GROUP BY connector_id
            ON CONFLICT (connector_id) DO UPDATE SET changes = alert_status_changes.changes + excluded.changes`,
          rows: [sel.params],
        },
        {
          sql: `UPDATE activity_alerts SET status = ?, note = ?, closed_by = ?, closed_at = ? WHERE id IN (SELECT id FROM (${sel.sql}))`,
          rows: [[patch.status, patch.note, patch.closedBy, patch.closedAt, ...sel.params]],
        },
      ]);
      return { matched: expected, changed: true };
    } catch (e) {
      if ((e as { code?: unknown }).code !== SELECTION_MOVED.code) throw e;
      return { matched: Number((db.prepare(`SELECT count(*) AS n FROM (${sel.sql})`).get(...sel.params) as Row).n), changed: false };
    }
  }

  return {
    async listPolicies() {
      return (db.prepare("SELECT * FROM activity_policies ORDER BY name COLLATE NOCASE, id").all() as Row[]).map(policyFromRow);
    },
    async getPolicy(id) {
      const row = db.prepare("SELECT * FROM activity_policies WHERE id = ?").get(id) as Row | undefined;
      return row ? policyFromRow(row) : null;
    },
    async insertPolicy(p) {
      db.prepare(INSERT_POLICY).run(sqliteRow(p));
    },
    async updatePolicy(p) {
      return db.prepare(UPDATE_POLICY).run(sqliteRow(p)).changes > 0;
    },
    async deletePolicy(id) {
      return db.prepare("DELETE FROM activity_policies WHERE id = ?").run(id).changes > 0;
    },
    async countOpenAlertsByPolicy() {
      return Object.fromEntries((db.prepare(OPEN_BY_POLICY).all() as Row[]).map((r) => [String(r.policy_id), Number(r.n)]));
    },
    async keptMatches(connectorId, from, policies) {
      if (policies.length === 0) return [];
      return matchesFromHistory(
        (db.prepare(HISTORY_FROM).all(connectorId, from) as Row[]).map((r) => r.matches),
        from,
        policies,
      );
    },
    async applyAlertExtensions(connectorId) {
      if (!db.prepare("SELECT 1 FROM alert_extensions WHERE connector_id = ? LIMIT 1").get(connectorId)) return 0;
      return applyExtensions(connectorId);
    },
    async recentAlerts(connectorId, from) {
      return (db.prepare(RECENT_ALERTS).all(connectorId, from) as Row[]).map(episodeFromRow);
    },
    async alertStatusChanges(connectorId) {
      const row = db.prepare(STATUS_CHANGES).get(connectorId) as Row | undefined;
      return row ? Number(row.changes) : 0;
    },
    async listAlerts(q) {
      const { sql, params } = alertPageSql(q);
      return (db.prepare(sql).all(...params) as Row[]).map(alertWithConnectorFromRow);
    },
    async countAlertsByStatus(q) {
      const { sql, params } = alertCountsSql(q, KEPT_COUNTS.sqlite);
      return Object.fromEntries((db.prepare(sql).all(...params) as Row[]).map((r) => [String(r.status), Number(r.n)]));
    },
    async getAlert(id) {
      const row = db.prepare(GET_ALERT).get(id) as Row | undefined;
      return row ? alertWithConnectorFromRow(row) : null;
    },
    async listAlertRows(alertId, limit) {
      return (db.prepare(ALERT_ROWS).all(alertId, limit) as Row[]).map(alertRowFromDb);
    },
    async setAlertStatus(id, patch) {
      return setStatus(id, patch);
    },
    async pruneClosedAlerts(connectorId, before) {
      return db.prepare(PRUNE_CLOSED_ALERTS).run(connectorId, before, before).changes;
    },
    async setAlertsStatus(selection, patch, expected) {
      return setManyStatus(selection, patch, expected);
    },
  };
}
