import type { ActivityRow } from "@wc/contracts";
import type { WorkerAccount } from "@wc/workday";
import type { StoredActivityRow, SyncStatePatch, SyncStateRecord, TaskRowAccount } from "./activity-store";

type Codec = { col: string; toDb?: (v: unknown) => unknown; fromDb?: (v: unknown) => unknown };
const json: Pick<Codec, "toDb" | "fromDb"> = {
  toDb: (v) => (v === null ? null : JSON.stringify(v)),
  fromDb: (v) => (typeof v === "string" ? (JSON.parse(v) as unknown) : null),
};

/** Sync-state field ↔ column, shared by every SQL store. Settings are flattened below. */
const SYNC_COLUMNS: Record<Exclude<keyof SyncStateRecord, "connectorId" | "settings">, Codec> = {
  coveredUntil: { col: "covered_until" },
  checkpointConnectedAt: { col: "checkpoint_connected_at" },
  run: { col: "run", ...json },
  lastWindow: { col: "last_window", ...json },
  pendingResync: { col: "pending_resync", ...json },
  lastSyncAt: { col: "last_sync_at" },
  nextSyncAt: { col: "next_sync_at" },
  lastError: { col: "last_error", ...json },
  workersRefreshedAt: { col: "workers_refreshed_at" },
  workersNextAt: { col: "workers_next_at" },
  prunedAt: { col: "pruned_at" },
};
const SETTING_COLUMNS = {
  backfillDays: "backfill_days",
  pollIntervalMinutes: "poll_interval_minutes",
  lagMinutes: "lag_minutes",
  retentionDays: "retention_days",
} as const;

const SYNC_FIELDS = Object.keys(SYNC_COLUMNS) as (keyof typeof SYNC_COLUMNS)[];
const SETTING_FIELDS = Object.keys(SETTING_COLUMNS) as (keyof typeof SETTING_COLUMNS)[];

export function syncPatchToRow(p: SyncStatePatch): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of SYNC_FIELDS) {
    if (!(f in p)) continue;
    const c = SYNC_COLUMNS[f];
    const v = p[f] ?? null;
    row[c.col] = c.toDb ? c.toDb(v) : v;
  }
  if (p.settings) for (const f of SETTING_FIELDS) row[SETTING_COLUMNS[f]] = p.settings[f];
  return row;
}

export function syncStateFromRow(row: Record<string, unknown>): SyncStateRecord {
  const rec: Record<string, unknown> = { connectorId: row.connector_id };
  for (const f of SYNC_FIELDS) {
    const c = SYNC_COLUMNS[f];
    const v = row[c.col] ?? null;
    rec[f] = c.fromDb ? c.fromDb(v) : v;
  }
  rec.settings = Object.fromEntries(SETTING_FIELDS.map((f) => [f, typeof row[SETTING_COLUMNS[f]] === "number" ? row[SETTING_COLUMNS[f]] : null]));
  return rec as unknown as SyncStateRecord;
}

/** Insert order of activity_rows' columns; values come from {@link activityRowValues}. */
export const ACTIVITY_INSERT_COLUMNS = [
  "connector_id",
  "request_time",
  "row_key",
  "system_account",
  "task_id",
  "task_display_name",
  "activity_action",
  "ip_address",
  "user_agent",
  "device_type",
  "session_id",
  "target_id",
  "target_descriptor",
  "target_href",
] as const;

export function activityRowValues(connectorId: string, r: StoredActivityRow): unknown[] {
  return [
    connectorId,
    r.requestTime,
    r.key,
    r.systemAccount,
    r.taskId,
    r.taskDisplayName,
    r.activityAction,
    r.ipAddress,
    r.userAgent,
    r.deviceType,
    r.sessionId,
    r.targetId,
    r.targetDescriptor,
    r.targetHref,
  ];
}

const s = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function activityRowFromDb(row: Record<string, unknown>): ActivityRow {
  const targetId = s(row.target_id);
  const targetDescriptor = s(row.target_descriptor);
  const targetHref = s(row.target_href);
  return {
    id: String(row.row_key),
    connectorId: String(row.connector_id),
    requestTime: String(row.request_time),
    systemAccount: String(row.system_account),
    accountName: s(row.account_name),
    taskId: s(row.task_id),
    taskDisplayName: s(row.task_display_name),
    activityAction: s(row.activity_action),
    ipAddress: s(row.ip_address),
    userAgent: s(row.user_agent),
    deviceType: s(row.device_type),
    sessionId: s(row.session_id),
    target: targetId === null && targetDescriptor === null && targetHref === null ? null : { id: targetId, descriptor: targetDescriptor, href: targetHref },
  };
}

export function taskRowAccountFromDb(row: Record<string, unknown>): TaskRowAccount {
  return { systemAccount: String(row.system_account), requestTime: String(row.request_time), accountName: s(row.account_name) };
}

export function workerFromDb(row: Record<string, unknown>): WorkerAccount {
  return {
    workerId: String(row.worker_id),
    systemAccount: s(row.system_account),
    name: String(row.name),
    email: s(row.email),
    businessTitle: s(row.business_title),
    organization: s(row.organization),
    isManager: row.is_manager === 1 || row.is_manager === true,
  };
}
