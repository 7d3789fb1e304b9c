import type { Pool } from "pg";
import {
  ACTIVITY_INSERT_COLUMNS,
  activityRowFromDb,
  activityRowValues,
  syncPatchToRow,
  syncStateFromRow,
  taskRowAccountFromDb,
  workerFromDb,
} from "./activity-columns";
import { accountNameSql, activityCountSql, activityPageSql, pgConnectorsRangeSql, nameKey, STORED_ROW_KEYS, taskRowsSql, type Sql } from "./activity-sql";
import { listAcrossConnectors, type ReadConnectors } from "./activity-across";
import { streamAcrossConnectors } from "./activity-streams";
import { pgWriteAlerts } from "../policies";
import type { ActivityQuery, ActivityStore, SyncStatePatch } from "./activity-store";

import { inTransaction } from "../platform/store/pg-transaction";
import { HELD_LEASE, LEASE_LOST, leaseLostMessage } from "../platform/store/leases";
import { numbered } from "../platform/store/portable-sql";

type Row = Record<string, unknown>;
type Queryable = Pick<Pool, "query">;

// A whole page in one statement whatever its size: one array parameter per column (14
// parameters, far below PostgreSQL's 65535), unnested into rows in page order. DO NOTHING skips a
// row already stored, and a row repeated within the page, on the natural key; rowCount = new rows.
const INSERT_ROWS = `INSERT INTO activity_rows (${ACTIVITY_INSERT_COLUMNS.join(", ")})
  SELECT $1::text, u.* FROM unnest(${ACTIVITY_INSERT_COLUMNS.slice(1)
    .map((_, i) => `$${i + 2}::text[]`)
    .join(", ")}) AS u
  ON CONFLICT (connector_id, request_time, row_key) DO NOTHING`;

const INSERT_ACCOUNTS = `INSERT INTO activity_accounts (connector_id, worker_id, system_account, name, name_key, email, business_title, organization, is_manager)
  SELECT $1::text, u.* FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[]) AS u
  ON CONFLICT DO NOTHING`;

/** Connectors per read across connectors: after each read the rows held bound the next ones (activity-across.ts). */
const PG_CONNECTORS_PER_READ = 200;

/**
 * The activity half of the PostgreSQL store; same behaviour as sqlite-activity.ts (one contract
 * suite). Queries come from activity-sql.ts, shared with SQLite: the columns they sort, compare by
 * range or lower() are COLLATE "C" (migration 4), so order and case folding are SQLite's.
 */
export function pgActivityStore(pool: Pool): ActivityStore {
  const connectorIds = async () => (await pool.query<{ id: string }>('SELECT id FROM connectors ORDER BY id COLLATE "C"')).rows.map((r) => r.id);
  const rowsOf = async (q: Sql) => {
    const { sql, params } = numbered(q);
    return (await pool.query<Row>(sql, params)).rows.map(activityRowFromDb);
  };
  // Across connectors, a round trip per 200 connectors: one small plan whatever their number (a
  // UNION ALL of 200 ranges took ~80 ms to plan), and an estimated cost that stays below the
  // default jit_above_cost (a JIT compile took ~25 ms at 1,000 connectors).
  const readGroup: ReadConnectors = (part, ids, until, perConnector) => rowsOf(pgConnectorsRangeSql(part, ids, until, perConnector));
  const listActivity = async (q: ActivityQuery) =>
    q.filter.connectorId !== undefined ? rowsOf(activityPageSql(q)) : listAcrossConnectors(q, await connectorIds(), PG_CONNECTORS_PER_READ, readGroup);

  const one = async (q: Sql) => {
    const { sql, params } = numbered(q);
    return (await pool.query<Row>(sql, params)).rows[0];
  };

  return {
    async getSyncState(connectorId) {
      const r = await pool.query<Row>("SELECT * FROM activity_sync_state WHERE connector_id = $1", [connectorId]);
      return r.rows[0] ? syncStateFromRow(r.rows[0]) : null;
    },
    async listSyncStates() {
      return (await pool.query<Row>("SELECT * FROM activity_sync_state ORDER BY connector_id")).rows.map(syncStateFromRow);
    },
    async saveSyncState(connectorId, patch) {
      const row = (await upsertState(pool, connectorId, patch, true)).rows[0];
      if (!row) throw new Error("sync state upsert returned nothing");
      return syncStateFromRow(row);
    },
    async commitActivityPage(connectorId, rows, checkpoint, alerts, fence) {
      return inTransaction(pool, async (c) => {
        // Locked until the commit: another owner cannot take the lease over halfway through the page.
        if (fence) {
          const held = numbered({ sql: `${HELD_LEASE} FOR SHARE`, params: [fence.key, fence.owner] });
          if ((await c.query(held.sql, held.params)).rowCount === 0) throw Object.assign(new Error(leaseLostMessage(fence.key)), { code: LEASE_LOST });
        }
        let inserted = 0;
        if (rows.length > 0) {
          const columns: unknown[][] = ACTIVITY_INSERT_COLUMNS.slice(1).map(() => new Array<unknown>(rows.length));
          rows.forEach((r, i) => {
            const values = activityRowValues(connectorId, r);
            columns.forEach((col, j) => (col[i] = values[j + 1]));
          });
          // Named: parsed and planned once per connection, not once per page.
          inserted = (await c.query({ name: "wc_activity_insert_rows", text: INSERT_ROWS, values: [connectorId, ...columns] })).rowCount ?? 0;
        }
        await upsertState(c, connectorId, checkpoint, false);
        if (alerts) await pgWriteAlerts(c, connectorId, alerts);
        return { inserted };
      });
    },
    async storedRowKeys(connectorId, from, to) {
      const { sql, params } = numbered({ sql: STORED_ROW_KEYS, params: [connectorId, from, to] });
      return new Set((await pool.query<{ row_key: string }>(sql, params)).rows.map((r) => r.row_key));
    },
    listActivity,
    async countActivity(filter) {
      const { sql, params } = numbered(activityCountSql(filter));
      return Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    },
    async *streamActivity(filter, order, chunkSize = 1000) {
      if (filter.connectorId === undefined) {
        for await (const rows of streamAcrossConnectors({ filter, order }, await connectorIds(), chunkSize, PG_CONNECTORS_PER_READ, readGroup)) yield* rows;
        return;
      }
      let after: ActivityQuery["after"];
      for (;;) {
        const rows = await listActivity({ filter, order, limit: chunkSize, ...(after ? { after } : {}) });
        yield* rows;
        const last = rows.at(-1);
        if (!last || rows.length < chunkSize) return;
        after = { requestTime: last.requestTime, connectorId: last.connectorId, key: last.id };
      }
    },
    async pruneActivity(connectorId, before) {
      return (await pool.query("DELETE FROM activity_rows WHERE connector_id = $1 AND request_time < $2", [connectorId, before])).rowCount ?? 0;
    },
    async replaceWorkers(connectorId, accounts, refreshedAt) {
      await inTransaction(pool, async (c) => {
        await c.query("DELETE FROM activity_accounts WHERE connector_id = $1", [connectorId]);
        if (accounts.length > 0) {
          await c.query(INSERT_ACCOUNTS, [
            connectorId,
            accounts.map((a) => a.workerId),
            accounts.map((a) => a.systemAccount),
            accounts.map((a) => a.name),
            accounts.map((a) => nameKey(a.name)),
            accounts.map((a) => a.email),
            accounts.map((a) => a.businessTitle),
            accounts.map((a) => a.organization),
            accounts.map((a) => a.isManager),
          ]);
        }
        await upsertState(c, connectorId, { workersRefreshedAt: refreshedAt }, false);
      });
    },
    async listWorkers(connectorId) {
      return (await pool.query<Row>("SELECT * FROM activity_accounts WHERE connector_id = $1 ORDER BY name, worker_id", [connectorId])).rows.map(workerFromDb);
    },
    async listTaskRows(connectorId, window, task, limit) {
      const { sql, params } = numbered(taskRowsSql(connectorId, window, task, limit));
      return (await pool.query<Row>(sql, params)).rows.map(taskRowAccountFromDb);
    },
    async findAccountName(connectorId, systemAccount) {
      const name = (await one(accountNameSql(connectorId, systemAccount)))?.account_name;
      return typeof name === "string" ? name : null;
    },
  };
}

/**
 * Creates the connector's state when missing and applies the patch, in one statement. With
 * `returning`, the resulting row comes back (an empty patch then rewrites the row unchanged).
 */
function upsertState(q: Queryable, connectorId: string, patch: SyncStatePatch, returning: boolean) {
  const row = syncPatchToRow(patch);
  const cols = Object.keys(row);
  const insert = `INSERT INTO activity_sync_state (${["connector_id", ...cols].join(", ")}) VALUES (${[connectorId, ...cols].map((_, i) => `$${i + 1}`).join(", ")})`;
  const onConflict =
    cols.length > 0
      ? `ON CONFLICT (connector_id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}`
      : returning
        ? "ON CONFLICT (connector_id) DO UPDATE SET connector_id = EXCLUDED.connector_id"
        : "ON CONFLICT (connector_id) DO NOTHING";
  return q.query<Row>(`${insert} ${onConflict}${returning ? " RETURNING *" : ""}`, [connectorId, ...Object.values(row)]);
}
