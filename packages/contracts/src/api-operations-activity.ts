import type { ApiOperation, ApiResponse } from "./api-operation";
import {
  ACTIVITY_CSV_COLUMNS,
  accountsResponseSchema,
  activityExportQuerySchema,
  activityListQuerySchema,
  activityListResponseSchema,
  activityRowSchema,
  resyncRequestSchema,
  syncSettingsRequestSchema,
  syncStatusResponseSchema,
} from "./activity";

const NO_CONNECTOR = "`not_found`: no such connector.";
const id = { id: "The connector's id." };

const exportFile: ApiResponse = {
  description: "Every matching row, oldest first, as a file: CSV or NDJSON as `format` asks.",
  csv: `A header row, then one row per activity row. Columns: ${ACTIVITY_CSV_COLUMNS.join(", ")}.`,
  ndjson: activityRowSchema,
  attachment: true,
};

const FILTERS =
  "Filters: `from` ≤ requestTime < `to` (`from` before `to`); `account` is the system account or a worker's full name, in any case; `task` is a task id or part of its name; " +
  "`action` OTHER is anything but READ and WRITE. An unknown parameter is refused, so a misspelt filter never returns everything.";

/** Workday activity the console synchronises, its export, the account list and the sync. */
export const ACTIVITY_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: "listActivity",
    method: "GET",
    path: "/api/activity",
    access: "support",
    tag: "Activity",
    summary: "List activity across connectors",
    description: `Newest first unless \`order=asc\`; page by \`page\` or by \`cursor\` (the previous page's \`nextCursor\`). ${FILTERS}`,
    query: activityListQuerySchema,
    responses: { 200: { description: "A page of rows.", json: activityListResponseSchema } },
  },
  {
    operationId: "exportActivity",
    method: "GET",
    path: "/api/activity/export",
    access: "support",
    tag: "Activity",
    summary: "Export activity across connectors",
    description: `Every matching row, streamed. ${FILTERS}`,
    query: activityExportQuerySchema,
    responses: { 200: exportFile },
  },
  {
    operationId: "listConnectorActivity",
    method: "GET",
    path: "/api/connectors/{id}/activity",
    access: "support",
    tag: "Activity",
    summary: "List one connector's activity",
    description: `As GET /api/activity for one connector; leave \`connectorId\` out. ${FILTERS}`,
    params: id,
    query: activityListQuerySchema,
    responses: { 200: { description: "A page of rows.", json: activityListResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "exportConnectorActivity",
    method: "GET",
    path: "/api/connectors/{id}/activity/export",
    access: "support",
    tag: "Activity",
    summary: "Export one connector's activity",
    description: `As GET /api/activity/export for one connector; leave \`connectorId\` out. ${FILTERS}`,
    params: id,
    query: activityExportQuerySchema,
    responses: { 200: exportFile },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "listAccounts",
    method: "GET",
    path: "/api/connectors/{id}/accounts",
    access: "support",
    tag: "Activity",
    summary: "List the tenant's accounts",
    description: "The workers from Workday's `/workers`, refreshed daily, with the system account each activity row names.",
    params: id,
    responses: { 200: { description: "The accounts and when they were read.", json: accountsResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "getSyncStatus",
    method: "GET",
    path: "/api/connectors/{id}/sync",
    access: "support",
    tag: "Activity",
    summary: "Read the activity sync status",
    description: "What the sync is doing, how far it got, what it last failed with, and its settings.",
    params: id,
    responses: { 200: { description: "The sync status.", json: syncStatusResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "updateSyncSettings",
    method: "PUT",
    path: "/api/connectors/{id}/sync/settings",
    access: "admin",
    tag: "Activity",
    summary: "Change the sync settings",
    description: "Backfill, poll interval, lag and retention; the whole settings object. Retention must be at least the backfill days.",
    params: id,
    body: syncSettingsRequestSchema,
    responses: { 200: { description: "Changed.", json: syncStatusResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "requestResync",
    method: "POST",
    path: "/api/connectors/{id}/sync/resync",
    access: "admin",
    tag: "Activity",
    summary: "Fetch a window of activity again",
    description:
      "In the background; rows already stored are kept and missing ones added. `from` must be before `to`, within the retention, and `to` may not be in the future.",
    params: id,
    body: resyncRequestSchema,
    responses: { 202: { description: "Queued.", json: syncStatusResponseSchema } },
    errors: { 404: NO_CONNECTOR, 409: "`not_ready`: the connector is not connected to Workday." },
  },
];
