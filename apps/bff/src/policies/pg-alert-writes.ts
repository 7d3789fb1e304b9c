import type { PoolClient } from "pg";
import { pgQueueEvents } from "../notifications";
import { INSERT_HISTORY, PRUNE_HISTORY } from "./alert-sql";
import { ALERT_COLUMNS, alertToRow, extensionsJson, historyToJson } from "./policy-columns";
import { lastTime, type AlertWrites } from "./policy-store";
import { numbered } from "../platform/store/portable-sql";

const query = (c: PoolClient, sql: string, params: unknown[]) => {
  const q = numbered({ sql, params });
  return c.query(q.sql, q.params);
};

// A page's new alerts in one statement, and all their rows in another: one round trip each, not
// two per alert (a dense log raises ~30 alerts a page).
const INSERT_ALERTS = `INSERT INTO activity_alerts (${ALERT_COLUMNS.join(", ")})
  SELECT ${ALERT_COLUMNS.join(", ")} FROM unnest(${ALERT_COLUMNS.map((col, i) => `$${i + 1}::${col === "row_count" ? "integer" : "text"}[]`).join(", ")})
    AS x(${ALERT_COLUMNS.join(", ")})
  ON CONFLICT (id) DO NOTHING`;
const INSERT_ALERT_ROWS = `INSERT INTO activity_alert_rows (alert_id, row_key, request_time)
  SELECT x.a, x.k, x.t FROM unnest($1::text[], $2::text[], $3::text[]) AS x(a, k, t) ON CONFLICT DO NOTHING`;
const RECORD_EXTENSIONS = "INSERT INTO alert_extensions (connector_id, rows) VALUES ($1, $2)";
// As sqlite-alert-writes.ts: rows of alerts that are gone skipped; each alert grows by the rows the
// insert took (RETURNING), so applying twice adds nothing the second time.
const APPLY_EXTENSIONS = `WITH x AS (
    SELECT DISTINCT v->>0 AS alert_id, v->>1 AS row_key, v->>2 AS request_time
    FROM alert_extensions e CROSS JOIN LATERAL jsonb_array_elements(e.rows::jsonb) AS v WHERE e.connector_id = $1
  ), added AS (
    INSERT INTO activity_alert_rows (alert_id, row_key, request_time)
    SELECT x.alert_id, x.row_key, x.request_time FROM x JOIN activity_alerts a ON a.id = x.alert_id
    ON CONFLICT DO NOTHING RETURNING alert_id, request_time
  ), s AS (SELECT alert_id, count(*) AS n, min(request_time) AS f, max(request_time) AS l FROM added GROUP BY alert_id)
  UPDATE activity_alerts a SET row_count = a.row_count + s.n, first_row_at = LEAST(a.first_row_at, s.f), last_row_at = GREATEST(a.last_row_at, s.l)
  FROM s WHERE a.id = s.alert_id`;
const DROP_EXTENSIONS = "DELETE FROM alert_extensions WHERE connector_id = $1";

/** Applies a connector's recorded extensions on this client (in the caller's transaction); how many entries. */
export async function pgApplyExtensions(c: Pick<PoolClient, "query">, connectorId: string): Promise<number> {
  await c.query({ name: "wc_apply_extensions", text: APPLY_EXTENSIONS, values: [connectorId] });
  return (await c.query({ name: "wc_drop_extensions", text: DROP_EXTENSIONS, values: [connectorId] })).rowCount ?? 0;
}

/** A page's alert writes, on the page transaction's client (pg-activity.ts). */
export async function pgWriteAlerts(c: PoolClient, connectorId: string, w: AlertWrites): Promise<void> {
  const lastAt = lastTime(w.keep);
  if (lastAt !== null) await query(c, INSERT_HISTORY, [connectorId, lastAt, historyToJson(w.keep)]);
  if (w.created.length > 0) {
    // A new alert is written whole: none of its rows can be held already (its id is new). If it
    // was written before (the same page committed twice), both statements change nothing.
    const rows = w.created.map((a) => alertToRow(a.alert));
    await c.query({ name: "wc_insert_alerts", text: INSERT_ALERTS, values: ALERT_COLUMNS.map((col) => rows.map((r) => r[col] ?? null)) });
    const held = w.created.flatMap((a) => a.rows.map((r) => [a.alert.id, r.rowKey, r.requestTime] as const));
    await c.query({
      name: "wc_insert_alert_rows",
      text: INSERT_ALERT_ROWS,
      values: [held.map((h) => h[0]), held.map((h) => h[1]), held.map((h) => h[2])],
    });
  }
  if (w.extend.length > 0) await c.query({ name: "wc_record_extensions", text: RECORD_EXTENSIONS, values: [connectorId, extensionsJson(w.extend)] });
  if (w.applyExtensions) await pgApplyExtensions(c, connectorId);
  await pgQueueEvents(c, w.events);
  await query(c, PRUNE_HISTORY, [connectorId, w.pruneBefore]);
}
