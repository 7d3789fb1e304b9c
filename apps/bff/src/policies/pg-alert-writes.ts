import type { PoolClient } from "pg";
import { pgQueueEvent } from "../notifications";
import { INSERT_HISTORY, PRUNE_HISTORY } from "./alert-sql";
import { ALERT_COLUMNS, alertToRow, historyToJson } from "./policy-columns";
import { lastTime, type AlertWrites } from "./policy-store";
import { numbered } from "../platform/store/portable-sql";

const query = (c: PoolClient, sql: string, params: unknown[]) => {
  const q = numbered({ sql, params });
  return c.query(q.sql, q.params);
};

const INSERT_ALERT = `INSERT INTO activity_alerts (${ALERT_COLUMNS.join(", ")}) VALUES (${ALERT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")}) ON CONFLICT (id) DO NOTHING`;
const INSERT_ALERT_ROWS = `INSERT INTO activity_alert_rows (alert_id, row_key, request_time)
  SELECT $1::text, x.k, x.t FROM unnest($2::text[], $3::text[]) AS x(k, t) ON CONFLICT DO NOTHING`;
// Incremental, not a recount: the alert grows by the rows it did not hold yet (the insert's RETURNING).
const ADD_ALERT_ROWS = `WITH added AS (
    INSERT INTO activity_alert_rows (alert_id, row_key, request_time) SELECT $1::text, x.k, x.t FROM unnest($2::text[], $3::text[]) AS x(k, t)
    ON CONFLICT DO NOTHING RETURNING request_time
  )
  UPDATE activity_alerts SET row_count = row_count + (SELECT count(*) FROM added),
    first_row_at = LEAST(first_row_at, (SELECT min(request_time) FROM added)), last_row_at = GREATEST(last_row_at, (SELECT max(request_time) FROM added))
  WHERE id = $1::text`;

/** A page's alert writes, on the page transaction's client (pg-activity.ts). */
export async function pgWriteAlerts(c: PoolClient, connectorId: string, w: AlertWrites): Promise<void> {
  const lastAt = lastTime(w.keep);
  if (lastAt !== null) await query(c, INSERT_HISTORY, [connectorId, lastAt, historyToJson(w.keep)]);
  for (const ch of w.changes) {
    // A new alert is written whole: none of its rows can be held already (its id is new). If it
    // was written before (the same page committed twice), both statements change nothing.
    const keys = ch.rows.map((r) => r.rowKey);
    const times = ch.rows.map((r) => r.requestTime);
    if (ch.isNew) {
      const row = alertToRow(ch.alert);
      await c.query({ name: "wc_insert_alert", text: INSERT_ALERT, values: ALERT_COLUMNS.map((col) => row[col]) });
      await c.query({ name: "wc_insert_alert_rows", text: INSERT_ALERT_ROWS, values: [ch.alert.id, keys, times] });
    } else {
      await c.query({ name: "wc_add_alert_rows", text: ADD_ALERT_ROWS, values: [ch.alert.id, keys, times] });
    }
  }
  for (const e of w.events) await pgQueueEvent(c, e);
  await query(c, PRUNE_HISTORY, [connectorId, w.pruneBefore]);
}
