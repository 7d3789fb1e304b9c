import { randomUUID } from "node:crypto";
import { writeTx } from "../platform/store/sqlite-tx";
import type { SqliteDb } from "../platform/store/sqlite-driver";
import type { ActivityRow } from "@wc/contracts";
import type { WorkerAccount } from "@wc/workday";
import {
  ACTIVITY_INSERT_COLUMNS,
  activityRowFromDb,
  activityRowValues,
  syncPatchToRow,
  syncStateFromRow,
  taskRowAccountFromDb,
  workerFromDb,
} from "./activity-columns";
import { accountNameSql, activityCountSql, activityPageSql, connectorRangeSql, nameKey, STORED_ROW_KEYS, taskRowsSql, type Sql } from "./activity-sql";
import type { ReadConnectors } from "./activity-across";
import { pageByConnector, streamByConnector } from "./activity-streams";
import type { ActivityQuery, ActivityStore, StoredActivityRow, SyncStatePatch } from "./activity-store";
import { sqliteAlertBatches, type AlertWrites } from "../policies";
import { deleteInChunks, type SqliteWriter, type WriteBatch } from "../platform/store/sqlite-writer";
import { HELD_LEASE, LEASE_LOST, leaseLostMessage, type LeaseFence } from "../platform/store/leases";

/** Reads across connectors (statements) or rows read between two turns of the event loop: a few ms of work. */
const READS_PER_TURN = 100;
const ROWS_PER_TURN = 2_000;

type Row = Record<string, unknown>;

const INSERT_ROW = `INSERT INTO activity_rows (${ACTIVITY_INSERT_COLUMNS.join(", ")})
  VALUES (${ACTIVITY_INSERT_COLUMNS.map(() => "?").join(", ")}) ON CONFLICT DO NOTHING`;
const ENSURE_STATE = "INSERT INTO activity_sync_state (connector_id) VALUES (?) ON CONFLICT (connector_id) DO NOTHING";

/** Workers a refresh writes in one transaction (replaceWorkers). */
const WORKERS_CHUNK = 5_000;
/** A worker of this refresh; the first of a worker listed twice in one refresh wins, as before. */
const UPSERT_WORKER = `INSERT INTO activity_accounts
    (connector_id, worker_id, system_account, name, name_key, email, business_title, organization, is_manager, generation)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (connector_id, worker_id) DO UPDATE SET system_account = excluded.system_account, name = excluded.name,
    name_key = excluded.name_key, email = excluded.email, business_title = excluded.business_title,
    organization = excluded.organization, is_manager = excluded.is_manager, generation = excluded.generation
  WHERE activity_accounts.generation IS NOT excluded.generation`;
/** Workers no longer listed: not written by this refresh (deleteInChunks). */
const DROP_STALE_WORKERS = `DELETE FROM activity_accounts WHERE rowid IN
  (SELECT rowid FROM activity_accounts WHERE connector_id = ? AND generation IS NOT ? LIMIT ?)`;

/** A connector's oldest rows before a time, a chunk at a time (deleteInChunks). */
export const PRUNE_ROWS = `DELETE FROM activity_rows WHERE rowid IN
  (SELECT rowid FROM activity_rows WHERE connector_id = ? AND request_time < ? ORDER BY request_time LIMIT ?)`;

/**
 * The activity half of the SQLite store (the SQLite binding is synchronous; the interface is not).
 * Pages of rows go through `writer` (a worker thread for a file database), everything else runs here.
 */
export function sqliteActivityStore(db: SqliteDb, writer: SqliteWriter): ActivityStore {
  const ensureState = db.prepare(ENSURE_STATE);
  const getState = db.prepare("SELECT * FROM activity_sync_state WHERE connector_id = ?");

  const applyPatch = (connectorId: string, patch: SyncStatePatch) => {
    ensureState.run(connectorId);
    const row = syncPatchToRow(patch);
    const cols = Object.keys(row);
    if (cols.length === 0) return;
    db.prepare(`UPDATE activity_sync_state SET ${cols.map((c) => `${c} = @${c}`).join(", ")} WHERE connector_id = @__id`).run({ ...row, __id: connectorId });
  };

  const saveState = writeTx(db, (connectorId: string, patch: SyncStatePatch) => {
    applyPatch(connectorId, patch);
    return syncStateFromRow(getState.get(connectorId) as Row);
  });

  /** The lease first, then rows, the checkpoint and the page's alerts: one transaction on the writer's connection. */
  const commitBatches = (
    connectorId: string,
    rows: StoredActivityRow[],
    checkpoint: SyncStatePatch,
    alerts: AlertWrites | undefined,
    fence: LeaseFence | undefined,
  ): WriteBatch[] => {
    const patch = syncPatchToRow(checkpoint);
    const cols = Object.keys(patch);
    return [
      ...(fence ? [{ sql: HELD_LEASE, rows: [[fence.key, fence.owner]], require: { code: LEASE_LOST, message: leaseLostMessage(fence.key) } }] : []),
      { sql: INSERT_ROW, rows: rows.map((r) => activityRowValues(connectorId, r)) },
      { sql: ENSURE_STATE, rows: [[connectorId]] },
      ...(cols.length > 0
        ? [
            {
              sql: `UPDATE activity_sync_state SET ${cols.map((c) => `${c} = ?`).join(", ")} WHERE connector_id = ?`,
              rows: [[...cols.map((c) => patch[c]), connectorId]],
            },
          ]
        : []),
      ...(alerts ? sqliteAlertBatches(connectorId, alerts) : []),
    ];
  };

  const markRefreshed = writeTx(db, (connectorId: string, refreshedAt: string) => applyPatch(connectorId, { workersRefreshedAt: refreshedAt }));
  /**
   * The account list replaced on the writer, in transactions of WORKERS_CHUNK: one transaction for
   * a tenant's 100,000 workers held the event loop for over a second every day. Each worker is
   * written with this refresh's generation, then the workers of older ones (gone from Workday) are
   * deleted. Stopped half-way, the list holds the old and the new (both real accounts) until the
   * next refresh.
   */
  async function replaceWorkers(connectorId: string, accounts: WorkerAccount[], refreshedAt: string) {
    const generation = `${refreshedAt} ${randomUUID()}`;
    for (let i = 0; i < accounts.length; i += WORKERS_CHUNK) {
      const rows = accounts
        .slice(i, i + WORKERS_CHUNK)
        .map((a) => [
          connectorId,
          a.workerId,
          a.systemAccount,
          a.name,
          nameKey(a.name),
          a.email,
          a.businessTitle,
          a.organization,
          a.isManager ? 1 : 0,
          generation,
        ]);
      await writer.run([{ sql: UPSERT_WORKER, rows }]);
    }
    await deleteInChunks(writer, DROP_STALE_WORKERS, [connectorId, generation]);
    markRefreshed(connectorId, refreshedAt);
  }

  const connectorIds = () => (db.prepare("SELECT id FROM connectors ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  const rowsOf = ({ sql, params }: Sql) => (db.prepare(sql).all(...params) as Row[]).map(activityRowFromDb);
  // SQLite's reads run on the event loop, and awaiting them gives it no turn: a page over 10,000
  // connectors, a backtest or an export would hold every other request for as long as it reads
  // (seconds). Reads of many statements or rows give it a turn every so often.
  let sinceTurn = { reads: 0, rows: 0 };
  const turn = async () => {
    if (++sinceTurn.reads < READS_PER_TURN && sinceTurn.rows < ROWS_PER_TURN) return;
    sinceTurn = { reads: 0, rows: 0 };
    await new Promise<void>((r) => setImmediate(r));
  };
  const counted = (rows: ActivityRow[]) => {
    sinceTurn.rows += rows.length;
    return rows;
  };
  // Across connectors, one connector per statement (so `perConnector` is just a smaller limit): its
  // text is then the same for every connector and kept prepared, and no round trip makes that costly.
  const readOne: ReadConnectors = async (part, ids, until, perConnector) => {
    await turn();
    return counted(rowsOf(connectorRangeSql({ ...part, limit: Math.min(part.limit, perConnector ?? part.limit) }, ids[0] ?? "", until)));
  };
  const listActivity = async (q: ActivityQuery): Promise<ActivityRow[]> =>
    q.filter.connectorId !== undefined ? rowsOf(activityPageSql(q)) : pageByConnector(q, connectorIds(), readOne);

  const one = ({ sql, params }: Sql) => db.prepare(sql).get(...params) as Row | undefined;

  return {
    async getSyncState(connectorId) {
      const row = getState.get(connectorId) as Row | undefined;
      return row ? syncStateFromRow(row) : null;
    },
    async listSyncStates() {
      return (db.prepare("SELECT * FROM activity_sync_state ORDER BY connector_id").all() as Row[]).map(syncStateFromRow);
    },
    async saveSyncState(connectorId, patch) {
      return saveState(connectorId, patch);
    },
    async commitActivityPage(connectorId, rows, checkpoint, alerts, fence) {
      const batches = commitBatches(connectorId, rows, checkpoint, alerts, fence);
      const changes = await writer.run(batches);
      return { inserted: changes[batches.findIndex((b) => b.sql === INSERT_ROW)] ?? 0 };
    },
    async storedRowKeys(connectorId, from, to) {
      return new Set((db.prepare(STORED_ROW_KEYS).all(connectorId, from, to) as { row_key: string }[]).map((r) => r.row_key));
    },
    async listActivity(q) {
      return listActivity(q);
    },
    async countActivity(filter) {
      const { sql, params } = activityCountSql(filter);
      return Number((db.prepare(sql).get(...params) as { n: number }).n);
    },
    async *streamActivity(filter, order, chunkSize = 1000) {
      if (filter.connectorId === undefined) {
        for await (const rows of streamByConnector({ filter, order }, connectorIds(), chunkSize, readOne)) yield* rows;
        return;
      }
      let after: ActivityQuery["after"];
      for (;;) {
        await turn();
        const rows = counted(await listActivity({ filter, order, limit: chunkSize, ...(after ? { after } : {}) }));
        yield* rows;
        const last = rows.at(-1);
        if (!last || rows.length < chunkSize) return;
        after = { requestTime: last.requestTime, connectorId: last.connectorId, key: last.id };
      }
    },
    async pruneActivity(connectorId, before) {
      // Lowering a connector's retention may prune millions of rows at once.
      return deleteInChunks(writer, PRUNE_ROWS, [connectorId, before]);
    },
    async replaceWorkers(connectorId, accounts, refreshedAt) {
      await replaceWorkers(connectorId, accounts, refreshedAt);
    },
    async listWorkers(connectorId) {
      return (db.prepare("SELECT * FROM activity_accounts WHERE connector_id = ? ORDER BY name, worker_id").all(connectorId) as Row[]).map(workerFromDb);
    },
    async listTaskRows(connectorId, window, task, limit) {
      const { sql, params } = taskRowsSql(connectorId, window, task, limit);
      return (db.prepare(sql).all(...params) as Row[]).map(taskRowAccountFromDb);
    },
    async findAccountName(connectorId, systemAccount) {
      const name = one(accountNameSql(connectorId, systemAccount))?.account_name;
      return typeof name === "string" ? name : null;
    },
  };
}
