import { z } from "zod";

/**
 * Workday user activity (docs/workday.md §4a) as the console stores and shows it, the activity list and
 * export queries, and the per-connector sync status and settings.
 *
 * Query schemas parse **query-string values** (every value arrives as a string); unknown query
 * parameters are rejected so a misspelt filter never silently returns everything.
 */

/** Workday's `activityAction`. The full enum is unknown (docs/workday.md §4a): any other value is shown as stored and filtered as OTHER. */
export const activityActionSchema = z.enum(["READ", "WRITE", "OTHER"]);
export type ActivityAction = z.infer<typeof activityActionSchema>;

export const activityTargetSchema = z.object({
  id: z.string().nullable(),
  descriptor: z.string().nullable(),
  href: z.string().nullable(),
});
export type ActivityTarget = z.infer<typeof activityTargetSchema>;

/** One stored activity row. `id` is the row's natural key (stable across re-fetches of the same Workday row). */
export const activityRowSchema = z.object({
  id: z.string(),
  connectorId: z.string(),
  /** Workday's `requestTime`, ISO with milliseconds, UTC. */
  requestTime: z.string(),
  systemAccount: z.string(),
  /** The worker's name from the account list (`/workers`), when the account could be matched. */
  accountName: z.string().nullable(),
  taskId: z.string().nullable(),
  taskDisplayName: z.string().nullable(),
  /** As Workday sent it (usually READ, WRITE or OTHER). */
  activityAction: z.string().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  deviceType: z.string().nullable(),
  sessionId: z.string().nullable(),
  target: activityTargetSchema.nullable(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;

const isoInstant = (label: string) =>
  z
    .string({ error: `${label} must be a date and time.` })
    .refine((v) => z.iso.datetime({ offset: true }).safeParse(v).success, {
      message: `${label} must be an ISO 8601 date and time with a zone, e.g. 2026-03-01T00:00:00Z.`,
    })
    .transform((v) => new Date(v).toISOString());

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be given once, as text.` })
    .trim()
    .min(1, `${label} is empty: leave it out to match everything.`)
    .max(max, `${label} is longer than ${max} characters.`);

const positiveInt = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a whole number.` })
    .regex(/^\d{1,9}$/, `${label} must be a whole number.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${label} must be between 1 and ${max}.`);

export const ACTIVITY_MAX_PAGE_SIZE = 500;
export const ACTIVITY_DEFAULT_PAGE_SIZE = 100;

/**
 * Filters shared by the list and the export. Matching:
 * `from` ≤ requestTime < `to`; `account` = systemAccount in any case (A–Z), or a worker's full name
 * from the account list in any case, spaces collapsed; `task` = taskId exactly or a
 * case-insensitive part of taskDisplayName; `action` OTHER = anything but READ and WRITE;
 * `ipAddress`, `deviceType`, `sessionId` exactly. `connectorId` only on the cross-connector routes.
 */
const activityFilterShape = {
  from: isoInstant("From").optional(),
  to: isoInstant("To").optional(),
  account: text("Account", 200).optional(),
  task: text("Task", 200).optional(),
  action: activityActionSchema.optional(),
  ipAddress: text("IP address", 100).optional(),
  deviceType: text("Device type", 50).optional(),
  sessionId: text("Session", 100).optional(),
  connectorId: text("Connector", 100).optional(),
};

const fromBeforeTo = (v: { from?: string | undefined; to?: string | undefined }) => v.from === undefined || v.to === undefined || v.from < v.to;
const fromBeforeToIssue = { message: "From must be before To.", path: ["to"] };

export const activityFilterSchema = z.object(activityFilterShape).strict().refine(fromBeforeTo, fromBeforeToIssue);
export type ActivityFilter = z.output<typeof activityFilterSchema>;

/**
 * `GET /api/activity` and `GET /api/connectors/:id/activity`. Sorted by requestTime (then id),
 * newest first unless `order=asc`. Page either by `page` (1-based) or by `cursor` (the previous
 * answer's `nextCursor`; cheaper deep into a long list), never both.
 */
export const activityListQuerySchema = z
  .object({
    ...activityFilterShape,
    order: z.enum(["desc", "asc"], { error: "Order must be desc or asc." }).default("desc"),
    page: positiveInt("Page", 1_000_000).optional(),
    pageSize: positiveInt("Page size", ACTIVITY_MAX_PAGE_SIZE).default(ACTIVITY_DEFAULT_PAGE_SIZE),
    cursor: z.string().min(1).max(500, "Cursor is not one this server issued.").optional(),
  })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue)
  .refine((v) => v.page === undefined || v.cursor === undefined, { message: "Use page or cursor, not both.", path: ["cursor"] });
export type ActivityListQuery = z.input<typeof activityListQuerySchema>;
export type ActivityListParsed = z.output<typeof activityListQuerySchema>;

export const activityListResponseSchema = z.object({
  rows: z.array(activityRowSchema),
  /** Rows matching the filters (all pages). */
  total: z.number(),
  /** The page answered (1-based); with a cursor, the page that cursor falls on is not known: null. */
  page: z.number().nullable(),
  pageSize: z.number(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ActivityListResponse = z.infer<typeof activityListResponseSchema>;

export const activityExportFormatSchema = z.enum(["csv", "ndjson"], { error: "Format must be csv or ndjson." });
export type ActivityExportFormat = z.infer<typeof activityExportFormatSchema>;

/**
 * `GET …/activity/export?format=csv|ndjson&<filters>`: every matching row, oldest first, streamed
 * as an attachment. CSV has a header row with the activity row's field names (target as
 * targetId, targetDescriptor, targetHref); NDJSON has one activityRowSchema object per line.
 */
export const activityExportQuerySchema = z
  .object({ ...activityFilterShape, format: activityExportFormatSchema })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue);
export type ActivityExportQuery = z.input<typeof activityExportQuerySchema>;
export type ActivityExportParsed = z.output<typeof activityExportQuerySchema>;

export const ACTIVITY_CSV_COLUMNS = [
  "id",
  "connectorId",
  "requestTime",
  "systemAccount",
  "accountName",
  "taskId",
  "taskDisplayName",
  "activityAction",
  "ipAddress",
  "userAgent",
  "deviceType",
  "sessionId",
  "targetId",
  "targetDescriptor",
  "targetHref",
] as const;

/** Sync settings of one connector; each defaults to the deployment's ACTIVITY_* configuration. */
export const syncSettingsSchema = z
  .object({
    /** How far before the connection time the first sync (and a reconnect after a gap) reaches back. */
    backfillDays: z
      .number({ error: "Backfill days must be a number." })
      .int("Backfill days must be whole days.")
      .min(1, "Backfill days must be at least 1.")
      .max(90, "Backfill days must be at most 90."),
    pollIntervalMinutes: z
      .number({ error: "Poll interval must be a number." })
      .int("Poll interval must be whole minutes.")
      .min(1, "Poll interval must be at least 1 minute.")
      .max(1440, "Poll interval must be at most 1440 minutes (a day)."),
    /** Workday's newest rows can arrive late (Splunk uses 2 minutes, docs/workday.md §6): each sync stops this far behind now. */
    lagMinutes: z
      .number({ error: "Lag must be a number." })
      .int("Lag must be whole minutes.")
      .min(0, "Lag cannot be negative.")
      .max(60, "Lag must be at most 60 minutes."),
    retentionDays: z
      .number({ error: "Retention must be a number." })
      .int("Retention must be whole days.")
      .min(1, "Retention must be at least 1 day.")
      .max(3650, "Retention must be at most 3650 days."),
  })
  .strict()
  .refine((s) => s.retentionDays >= s.backfillDays, {
    message: "Retention must be at least the backfill days, or backfilled rows would be pruned at once.",
    path: ["retentionDays"],
  });
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** `PUT /api/connectors/:id/sync/settings` (admin): the whole settings object. */
export const syncSettingsRequestSchema = syncSettingsSchema;
export type SyncSettingsRequest = z.input<typeof syncSettingsRequestSchema>;

/**
 * `POST /api/connectors/:id/sync/resync` (admin): fetch the window again. Rows already stored are
 * kept (storage is idempotent); rows missing are added. `to` may not be in the future.
 */
export const resyncRequestSchema = z
  .object({ from: isoInstant("From"), to: isoInstant("To") })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue);
export type ResyncRequest = z.input<typeof resyncRequestSchema>;

/**
 * - `idle`: nothing to sync (not connected yet, or disconnected);
 * - `backfilling`: fetching the first window (or a re-sync window), see `progress`;
 * - `polling`: an incremental fetch is running;
 * - `waiting`: caught up, the next poll is at `nextSyncAt`;
 * - `retrying`: the last attempt failed transiently (429, 5xx, timeout); retried at `nextSyncAt`;
 * - `blocked`: the connector needs someone to act (reconnect, or a Workday permission), see `lastError`.
 */
export const syncPhaseSchema = z.enum(["idle", "backfilling", "polling", "waiting", "retrying", "blocked"]);
export type SyncPhase = z.infer<typeof syncPhaseSchema>;

/** A backfill or re-sync window while it runs (or the last one, with `finishedAt`). */
export const syncProgressSchema = z.object({
  kind: z.enum(["backfill", "resync"]),
  from: z.string(),
  to: z.string(),
  /** Every row with requestTime before this is stored. */
  coveredUntil: z.string(),
  rows: z.number(),
  /** Rows per second since `startedAt` (0 until the first page). */
  rowsPerSecond: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncStatusSchema = z.object({
  connectorId: z.string(),
  phase: syncPhaseSchema,
  /** The durable checkpoint: every row with requestTime before this is stored. Null before the first page. */
  coveredUntil: z.string().nullable(),
  progress: syncProgressSchema.nullable(),
  lastSyncAt: z.string().nullable(),
  nextSyncAt: z.string().nullable(),
  /** now − coveredUntil, in seconds (includes the configured lag). */
  lagSeconds: z.number().nullable(),
  rowsLast24h: z.number(),
  rowsStored: z.number(),
  lastError: z.object({ reasonCode: z.string(), at: z.string(), detail: z.string().nullable() }).nullable(),
  /** The account list (`/workers`), refreshed daily. */
  accounts: z.object({ count: z.number(), refreshedAt: z.string().nullable() }),
  settings: syncSettingsSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncStatusResponseSchema = z.object({ sync: syncStatusSchema });
export type SyncStatusResponse = z.infer<typeof syncStatusResponseSchema>;

/** An account from Workday's `/workers` (Defender's "list accounts"). */
export const accountSchema = z.object({
  workerId: z.string(),
  /** The sign-in name activity rows carry, derived from the work email's local part (an inference, docs/workday.md §4b). */
  systemAccount: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  businessTitle: z.string().nullable(),
  organization: z.string().nullable(),
  isManager: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountsResponseSchema = z.object({ accounts: z.array(accountSchema), refreshedAt: z.string().nullable() });
export type AccountsResponse = z.infer<typeof accountsResponseSchema>;
