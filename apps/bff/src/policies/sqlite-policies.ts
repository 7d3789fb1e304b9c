import type { SqliteDb } from "../platform/store/sqlite-driver";
import { writeTx } from "../platform/store/sqlite-tx";
import { sqliteOutboxWriter } from "../notifications";
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
import type { OutboxEvent } from "../notifications";
import type { AlertChange, DecidedMatches, PolicyRecord, PolicyStore } from "./policy-store";

type Row = Record<string, unknown>;

const INSERT_POLICY = `INSERT INTO activity_policies (${POLICY_COLUMNS.join(", ")}) VALUES (${POLICY_COLUMNS.map((c) => `@${c}`).join(", ")})`;
const UPDATE_POLICY = `UPDATE activity_policies SET ${POLICY_COLUMNS.filter((c) => c !== "id" && c !== "created_at" && c !== "created_by")
  .map((c) => `${c} = @${c}`)
  .join(", ")} WHERE id = @id`;
const INSERT_ALERT = `INSERT INTO activity_alerts (${ALERT_COLUMNS.join(", ")}) VALUES (${ALERT_COLUMNS.map(() => "?").join(", ")}) ON CONFLICT (alert_key) DO NOTHING`;

/**
 * PENDING_MATCHES, with SQLite told to use the (connector_id, evaluated) index. Left to itself,
 * SQLite (no statistics) reads policy_matches_by_time instead, for its order: every match of the
 * connector still kept (two days of decided ones), each looked up in the table for `evaluated`, on
 * every page; a 1,000,000-row backfill spent more time there than storing the rows. The few pending
 * matches are sorted instead.
 */
const PENDING_MATCHES_BY_INDEX = PENDING_MATCHES.replace("FROM policy_matches", "FROM policy_matches INDEXED BY policy_matches_pending");

// better-sqlite3 binds no booleans.
const sqliteRow = (p: PolicyRecord) => ({ ...policyToRow(p), enabled: p.enabled ? 1 : 0 });

/** The policies half of the SQLite store. Page matches are written by the activity store's page commit. */
export function sqlitePolicyStore(db: SqliteDb): PolicyStore {
  const enqueue = sqliteOutboxWriter(db);
  const update = writeTx(db, (p: PolicyRecord) => {
    db.prepare(UPDATE_POLICY).run(sqliteRow(p));
    db.prepare("DELETE FROM policy_matches WHERE policy_id = ?").run(p.id);
  });
  const remove = writeTx(db, (id: string) => {
    db.prepare("DELETE FROM policy_matches WHERE policy_id = ?").run(id);
    return db.prepare("DELETE FROM activity_policies WHERE id = ?").run(id).changes > 0;
  });
  const insertAlert = db.prepare(INSERT_ALERT);
  const insertRow = db.prepare(INSERT_ALERT_ROW);
  const widen = db.prepare(widenAlert("min", "max"));
  const dropDecided = db.prepare(DROP_DECIDED);
  const prune = db.prepare(PRUNE_MATCHES);
  const apply = writeTx(db, (connectorId: string, changes: AlertChange[], events: OutboxEvent[], decided: DecidedMatches, pruneBefore: string) => {
    for (const ch of changes) {
      // A new alert starts empty and is widened by the rows it gets, like an existing one.
      if (ch.isNew) insertAlert.run(...Object.values(alertToRow({ ...ch.alert, rowCount: 0 })));
      const added = ch.rows.filter((r) => insertRow.run(ch.alert.id, r.rowKey, r.requestTime).changes > 0);
      const span = timeSpan(added);
      if (span) widen.run(added.length, span.first, span.last, ch.alert.id);
    }
    for (const e of events) enqueue(e);
    if (decided.keep.length > 0) {
      db.prepare(keepDecidedSql(decided.keep.map(() => "?").join(", "))).run(1, connectorId, 0, decided.upTo, ...decided.keep);
    }
    dropDecided.run(connectorId, 0, decided.upTo);
    prune.run(connectorId, 1, pruneBefore);
  });
  const setStatus = writeTx(db, (id: string, patch: Parameters<PolicyStore["setAlertStatus"]>[1]) => {
    const changed = db
      .prepare("UPDATE activity_alerts SET status = ?, note = ?, closed_by = ?, closed_at = ? WHERE id = ?")
      .run(patch.status, patch.note, patch.closedBy, patch.closedAt, id).changes;
    if (changed === 0) return null;
    return alertFromRow(db.prepare("SELECT * FROM activity_alerts WHERE id = ?").get(id) as Row);
  });

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
      update(p);
    },
    async deletePolicy(id) {
      return remove(id);
    },
    async countOpenAlertsByPolicy() {
      return Object.fromEntries((db.prepare(OPEN_BY_POLICY).all() as Row[]).map((r) => [String(r.policy_id), Number(r.n)]));
    },
    async matchesToDecide(connectorId, lookbackMs, contextPolicyIds) {
      const pending = (db.prepare(PENDING_MATCHES_BY_INDEX).all(connectorId, 0) as Row[]).map(matchFromRow);
      const first = pending[0];
      if (!first || contextPolicyIds.length === 0) return { pending, context: [] };
      const from = new Date(Date.parse(first.requestTime) - lookbackMs).toISOString();
      const sql = contextMatchesSql(contextPolicyIds.map(() => "?").join(", "));
      return { pending, context: (db.prepare(sql).all(connectorId, from, 1, ...contextPolicyIds) as Row[]).map(matchFromRow) };
    },
    async recentAlerts(connectorId, from) {
      return (db.prepare(RECENT_ALERTS).all(connectorId, from) as Row[]).map(alertFromRow);
    },
    async applyAlertChanges(connectorId, changes, events, decided, pruneBefore) {
      apply(connectorId, changes, events, decided, pruneBefore);
    },
    async listAlerts(q) {
      const { sql, params } = alertPageSql(q);
      return (db.prepare(sql).all(...params) as Row[]).map(alertWithConnectorFromRow);
    },
    async countAlertsByStatus(q) {
      const { sql, params } = alertCountsSql(q);
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
  };
}
