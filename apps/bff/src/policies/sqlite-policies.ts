import type { SqliteDb } from "../platform/store/sqlite-driver";
import { writeTx } from "../platform/store/sqlite-tx";
import { deleteInChunks, type SqliteWriter } from "../platform/store/sqlite-writer";
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
  PRUNE_CLOSED_ALERTS_CHUNK,
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
/** Alerts a bulk change changes in one transaction: a few hundred milliseconds of the write lock. */
const BULK_CHUNK = 2_000;
/** One status change per alert, for its connector (COUNT_STATUS_CHANGE), for a chunk of a bulk change. */
const COUNT_BULK_CHANGES = `INSERT INTO alert_status_changes (connector_id, changes)
  SELECT connector_id, count(*) FROM activity_alerts WHERE id IN (SELECT value FROM json_each(?)) AND status = ? GROUP BY connector_id
  ON CONFLICT (connector_id) DO UPDATE SET changes = alert_status_changes.changes + excluded.changes`;
const CHANGE_BULK = `UPDATE activity_alerts SET status = ?, note = ?, closed_by = ?, closed_at = ?
  WHERE id IN (SELECT value FROM json_each(?)) AND status = ?`;
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
   * A bulk change on SQLite (docs/policies.md): the alerts the filters select are read once and
   * counted; only if they are as many as the admin was shown are they changed, on the writer (a
   * worker thread for a file) in transactions of BULK_CHUNK. One transaction for 100,000 alerts held
   * SQLite's write lock for seconds: on the main connection it held the event loop too, and on the
   * writer any other write would wait past busy_timeout and fail. Each chunk changes only alerts
   * still in the status the admin saw, so one closed or reopened meanwhile is left as it is, and an
   * alert raised meanwhile is never in the list.
   */
  async function setManyStatus(selection: AlertSelection, patch: Parameters<PolicyStore["setAlertsStatus"]>[1], expected: number): Promise<AlertsStatusResult> {
    const sel = alertSelectionSql(selection);
    const ids = (db.prepare(`${sel.sql} ORDER BY a.id`).all(...sel.params) as { id: string }[]).map((r) => r.id);
    if (ids.length !== expected) return { matched: ids.length, changed: false };
    // What this change did: another admin's bulk change over the same alerts, running side by side,
    // takes those it reaches first, and each says only what it changed.
    let changed = 0;
    for (let i = 0; i < ids.length; i += BULK_CHUNK) {
      const chunk = JSON.stringify(ids.slice(i, i + BULK_CHUNK));
      const [, n = 0] = await writer.run([
        // Counted before the change, as the alerts still have the status they are changed from.
        { sql: COUNT_BULK_CHANGES, rows: [[chunk, selection.status]] },
        { sql: CHANGE_BULK, rows: [[patch.status, patch.note, patch.closedBy, patch.closedAt, chunk, selection.status]] },
      ]);
      changed += n;
    }
    return { matched: changed, changed: true };
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
      return deleteInChunks(writer, PRUNE_CLOSED_ALERTS_CHUNK, [connectorId, before, before]);
    },
    async setAlertsStatus(selection, patch, expected) {
      return setManyStatus(selection, patch, expected);
    },
  };
}
