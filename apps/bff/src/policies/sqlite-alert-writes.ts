import type { WriteBatch } from "../platform/store/sqlite-writer";
import { sqliteOutboxBatch } from "../notifications";
import { INSERT_HISTORY, PRUNE_HISTORY } from "./alert-sql";
import { ALERT_COLUMNS, alertToRow, historyToJson } from "./policy-columns";
import { lastTime, type AlertWrites } from "./policy-store";

const INSERT_ALERT = `INSERT INTO activity_alerts (${ALERT_COLUMNS.join(", ")}) VALUES (${ALERT_COLUMNS.map(() => "?").join(", ")}) ON CONFLICT (id) DO NOTHING`;
// One statement per alert, the rows as a JSON list, so that changes() right after it is how many
// rows the alert did not hold yet. `WHERE true` tells SQLite's parser the ON CONFLICT is an upsert's.
const ADD_ALERT_ROWS = `INSERT INTO activity_alert_rows (alert_id, row_key, request_time)
  SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`;
// Incremental, not a recount: an open alert that takes rows on every page would otherwise be
// counted again in full on every page. A row it already held is already inside its times.
const WIDEN_ALERT =
  "UPDATE activity_alerts SET row_count = row_count + changes(), first_row_at = min(first_row_at, ?), last_row_at = max(last_row_at, ?) WHERE id = ?";

/** A page's alert writes as statements for the page's transaction (sqlite-activity.ts). */
export function sqliteAlertBatches(connectorId: string, w: AlertWrites): WriteBatch[] {
  const out: WriteBatch[] = [];
  const lastAt = lastTime(w.keep);
  if (lastAt !== null) out.push({ sql: INSERT_HISTORY, rows: [[connectorId, lastAt, historyToJson(w.keep)]] });
  for (const ch of w.changes) {
    // A new alert is written whole: none of its rows can be held already (its id is new). If it
    // was written before (the same page committed twice), both statements change nothing.
    if (ch.isNew) out.push({ sql: INSERT_ALERT, rows: [Object.values(alertToRow(ch.alert))] });
    out.push({ sql: ADD_ALERT_ROWS, rows: [[ch.alert.id, JSON.stringify(ch.rows.map((r) => [r.rowKey, r.requestTime]))]] });
    if (ch.isNew) continue;
    const times = ch.rows.map((r) => r.requestTime).sort();
    out.push({ sql: WIDEN_ALERT, rows: [[times[0], times.at(-1), ch.alert.id]] });
  }
  if (w.events.length > 0) out.push(sqliteOutboxBatch(w.events));
  out.push({ sql: PRUNE_HISTORY, rows: [[connectorId, w.pruneBefore]] });
  return out;
}
