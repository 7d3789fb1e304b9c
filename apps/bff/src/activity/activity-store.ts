import type { AlertWrites } from "../policies";
import type { LeaseFence } from "../platform/store/leases";
import type { ActivityFilter, ActivityRow, SyncProgress } from "@wc/contracts";
import type { ActivityRecord, PagingCursor, WorkerAccount } from "@wc/workday";

/** A row ready to store: Workday's fields plus its natural key (see activityRowKey). */
export interface StoredActivityRow extends ActivityRecord {
  key: string;
}

/** A window being fetched; stored with every page so a restart resumes exactly here. */
export interface SyncRun {
  kind: "backfill" | "incremental" | "resync";
  from: string;
  to: string;
  startedAt: string;
  /** The connection (connectedAt) the window was planned under; becomes the checkpoint's. */
  connectedAt: string | null;
  /** Rows received from Workday in this run (rows re-fetched after a restart count again). */
  rows: number;
  cursor: PagingCursor;
}

/** Per-connector sync settings; null = the deployment default (ACTIVITY_*). */
export interface SyncSettingsOverride {
  backfillDays: number | null;
  pollIntervalMinutes: number | null;
  lagMinutes: number | null;
  retentionDays: number | null;
}

/** The durable sync state of one connector. */
export interface SyncStateRecord {
  connectorId: string;
  settings: SyncSettingsOverride;
  /** End of the last completed backfill or incremental window: the next one starts here. */
  coveredUntil: string | null;
  /** The connection (connectedAt) `coveredUntil` was reached under, to tell a reconnect. */
  checkpointConnectedAt: string | null;
  run: SyncRun | null;
  /** The last finished backfill or re-sync, for the connector page. */
  lastWindow: SyncProgress | null;
  pendingResync: { from: string; to: string } | null;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  lastError: { reasonCode: string; at: string; detail: string | null } | null;
  workersRefreshedAt: string | null;
  workersNextAt: string | null;
  prunedAt: string | null;
}

export type SyncStatePatch = Partial<Omit<SyncStateRecord, "connectorId">>;

/** Where a keyset page continues: after this row in the chosen order. */
export interface ActivityPosition {
  requestTime: string;
  connectorId: string;
  key: string;
}

export interface ActivityQuery {
  filter: ActivityFilter;
  order: "asc" | "desc";
  limit: number;
  offset?: number;
  after?: ActivityPosition;
}

/** A stored row's account and time, with the worker name linked to the account if any. */
export interface TaskRowAccount {
  systemAccount: string;
  requestTime: string;
  accountName: string | null;
}

/**
 * Activity storage. Every write that covers rows and the checkpoint for them happens in one
 * transaction; rows are idempotent on (connector, requestTime, key).
 */
export interface ActivityStore {
  getSyncState(connectorId: string): Promise<SyncStateRecord | null>;
  listSyncStates(): Promise<SyncStateRecord[]>;
  /** Creates the state when missing, then applies the patch. */
  saveSyncState(connectorId: string, patch: SyncStatePatch): Promise<SyncStateRecord>;
  /**
   * Inserts the rows (a row already stored is skipped, never duplicated or overwritten) and applies
   * the checkpoint patch, in ONE transaction. Returns how many rows were new. `alerts` (what the
   * policies decided for the page's new rows, policies/alert-session.ts) is written in the same transaction.
   * With `fence`, nothing is written unless its owner still holds the lease: the commit fails with
   * code LEASE_LOST instead (platform/store/leases.ts).
   */
  commitActivityPage(
    connectorId: string,
    rows: StoredActivityRow[],
    checkpoint: SyncStatePatch,
    alerts?: AlertWrites,
    fence?: LeaseFence,
  ): Promise<{ inserted: number }>;
  /** The keys of the connector's stored rows with requestTime in [from, to]. */
  storedRowKeys(connectorId: string, from: string, to: string): Promise<Set<string>>;
  /** One page in (requestTime, connectorId, key) order; `accountName` from the stored accounts. */
  listActivity(q: ActivityQuery): Promise<ActivityRow[]>;
  countActivity(filter: ActivityFilter): Promise<number>;
  /** Every matching row, read `chunkSize` at a time by keyset (memory stays bounded). */
  streamActivity(filter: ActivityFilter, order: "asc" | "desc", chunkSize?: number): AsyncIterable<ActivityRow>;
  /** Deletes the connector's rows with requestTime before `before`; returns how many. */
  pruneActivity(connectorId: string, before: string): Promise<number>;
  /** Replaces the connector's account list and records when, in one transaction. */
  replaceWorkers(connectorId: string, accounts: WorkerAccount[], refreshedAt: string): Promise<void>;
  listWorkers(connectorId: string): Promise<WorkerAccount[]>;
  /** Up to `limit` stored rows of `task` with requestTime in [from, to) and an account, oldest first (e.g. consent rows). */
  listTaskRows(connectorId: string, window: { from: string; to: string }, task: string, limit: number): Promise<TaskRowAccount[]>;
  /** The worker name the account list links to this sign-in name (any case), if any. */
  findAccountName(connectorId: string, systemAccount: string): Promise<string | null>;
}
