import type { Response } from "express";
import { ACTIVITY_CSV_COLUMNS, type ActivityExportFormat, type ActivityFilter, type ActivityRow } from "@wc/contracts";
import type { Logger } from "pino";
import { csvLine } from "../platform/http/csv";
import type { Store } from "../store/types";

const FLUSH_BYTES = 64 * 1024;

const csvValues = (r: ActivityRow) => [
  r.id,
  r.connectorId,
  r.requestTime,
  r.systemAccount,
  r.accountName,
  r.taskId,
  r.taskDisplayName,
  r.activityAction,
  r.ipAddress,
  r.userAgent,
  r.deviceType,
  r.sessionId,
  r.target?.id ?? null,
  r.target?.descriptor ?? null,
  r.target?.href ?? null,
];

/**
 * Streams every matching row, oldest first, as a download. Rows are read from the store a chunk
 * at a time and written as they come, waiting for the client when its buffer is full, so memory
 * stays flat whatever the size. A failure after the first byte cuts the connection, so a partial
 * file never looks complete.
 */
export async function streamActivityExport(
  res: Response,
  d: { store: Store; log: Logger; now: () => Date },
  filter: ActivityFilter,
  format: ActivityExportFormat,
  scope: string,
) {
  const { store, log } = d;
  const stamp = d.now().toISOString().replace(/[-:]/g, "").slice(0, 15);
  res.status(200);
  res.setHeader("Content-Type", format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="workday-activity-${scope}-${stamp}.${format === "csv" ? "csv" : "ndjson"}"`);
  res.setHeader("Cache-Control", "no-store");
  let closed = false;
  res.on("close", () => (closed = true));
  // One listener pair per wait, both removed when either fires: racing once() promises left the
  // loser's close (and error) listeners attached, so a big export to a slow client piled them up.
  const drainedOrClosed = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        res.off("drain", done);
        res.off("close", done);
        resolve();
      };
      res.on("drain", done);
      res.on("close", done);
    });
  let buffer = format === "csv" ? csvLine(ACTIVITY_CSV_COLUMNS) : "";
  const flush = async () => {
    if (buffer === "") return;
    const ok = res.write(buffer);
    buffer = "";
    if (!ok && !closed) await drainedOrClosed();
  };
  try {
    for await (const row of store.streamActivity(filter, "asc")) {
      if (closed) return;
      buffer += format === "csv" ? csvLine(csvValues(row)) : `${JSON.stringify(row)}\n`;
      if (buffer.length >= FLUSH_BYTES) await flush();
    }
    await flush();
    res.end();
  } catch (err) {
    log.error({ err }, "activity export failed mid-stream");
    res.destroy();
  }
}
