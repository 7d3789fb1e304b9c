import type { WriteBatch } from "../platform/store/sqlite-writer";
import { sqliteOutboxBatch } from "../notifications";
import { INSERT_HISTORY, PRUNE_HISTORY } from "./alert-sql";
import { ALERT_COLUMNS, alertToRow, extensionsJson, historyToJson } from "./policy-columns";
import { lastTime, type AlertWrites } from "./policy-store";

const INSERT_ALERT = `INSERT INTO activity_alerts (${ALERT_COLUMNS.join(", ")}) VALUES (${ALERT_COLUMNS.map(() => "?").join(", ")}) ON CONFLICT (id) DO NOTHING`;
// One statement per alert, its rows as a JSON list. `WHERE true` tells SQLite's parser the ON
// CONFLICT is an upsert's.
const INSERT_ALERT_ROWS = `INSERT INTO activity_alert_rows (alert_id, row_key, request_time)
  SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`;

const RECORD_EXTENSIONS = "INSERT INTO alert_extensions (connector_id, rows) VALUES (?, ?)";
// Applying a connector's recorded extensions. The rows an alert does not hold yet are gathered
// first (once each; rows of alerts that are gone, a connector deleted or retention, skipped), then
// inserted, and each alert grows by exactly those: applying twice (a crash after the rows went in,
// entries left) adds nothing the second time. Incremental, not a recount: an alert of a hundred
// thousand rows would otherwise be counted again in full at every apply.
const EXTENDED = `SELECT json_extract(j.value, '$[0]') AS alert_id, json_extract(j.value, '$[1]') AS row_key, json_extract(j.value, '$[2]') AS request_time
  FROM alert_extensions e, json_each(e.rows) j WHERE e.connector_id = ?`;
const NEW_ROWS = "temp.wc_alert_rows_new";
export const APPLY_EXTENSIONS: { sql: string; connector: boolean }[] = [
  {
    sql: `CREATE TEMP TABLE IF NOT EXISTS wc_alert_rows_new (alert_id TEXT NOT NULL, row_key TEXT NOT NULL, request_time TEXT NOT NULL,
      PRIMARY KEY (alert_id, request_time, row_key)) WITHOUT ROWID`,
    connector: false,
  },
  { sql: `DELETE FROM ${NEW_ROWS}`, connector: false },
  {
    sql: `INSERT OR IGNORE INTO ${NEW_ROWS} (alert_id, row_key, request_time)
      SELECT x.alert_id, x.row_key, x.request_time FROM (${EXTENDED}) x JOIN activity_alerts a ON a.id = x.alert_id
      WHERE NOT EXISTS (SELECT 1 FROM activity_alert_rows r WHERE r.alert_id = x.alert_id AND r.request_time = x.request_time AND r.row_key = x.row_key)`,
    connector: true,
  },
  {
    sql: `INSERT INTO activity_alert_rows (alert_id, row_key, request_time) SELECT alert_id, row_key, request_time FROM ${NEW_ROWS} WHERE true ON CONFLICT DO NOTHING`,
    connector: false,
  },
  {
    sql: `UPDATE activity_alerts SET
      row_count = row_count + (SELECT count(*) FROM ${NEW_ROWS} n WHERE n.alert_id = activity_alerts.id),
      first_row_at = min(first_row_at, (SELECT min(n.request_time) FROM ${NEW_ROWS} n WHERE n.alert_id = activity_alerts.id)),
      last_row_at = max(last_row_at, (SELECT max(n.request_time) FROM ${NEW_ROWS} n WHERE n.alert_id = activity_alerts.id))
      WHERE id IN (SELECT alert_id FROM ${NEW_ROWS})`,
    connector: false,
  },
  { sql: `DELETE FROM ${NEW_ROWS}`, connector: false },
  { sql: "DELETE FROM alert_extensions WHERE connector_id = ?", connector: true },
];

/** A page's alert writes as statements for the page's transaction (sqlite-activity.ts). */
export function sqliteAlertBatches(connectorId: string, w: AlertWrites): WriteBatch[] {
  const out: WriteBatch[] = [];
  const lastAt = lastTime(w.keep);
  if (lastAt !== null) out.push({ sql: INSERT_HISTORY, rows: [[connectorId, lastAt, historyToJson(w.keep)]] });
  if (w.created.length > 0) {
    // A new alert is written whole: none of its rows can be held already (its id is new). If it
    // was written before (the same page committed twice), both statements change nothing. One
    // batch per statement, so the writer thread is handed each statement's text once a page.
    out.push({ sql: INSERT_ALERT, rows: w.created.map((a) => Object.values(alertToRow(a.alert))) });
    out.push({ sql: INSERT_ALERT_ROWS, rows: w.created.map((a) => [a.alert.id, JSON.stringify(a.rows.map((r) => [r.rowKey, r.requestTime]))]) });
  }
  if (w.extend.length > 0) out.push({ sql: RECORD_EXTENSIONS, rows: [[connectorId, extensionsJson(w.extend)]] });
  if (w.applyExtensions) for (const s of APPLY_EXTENSIONS) out.push({ sql: s.sql, rows: [s.connector ? [connectorId] : []] });
  if (w.events.length > 0) out.push(sqliteOutboxBatch(w.events));
  out.push({ sql: PRUNE_HISTORY, rows: [[connectorId, w.pruneBefore]] });
  return out;
}
