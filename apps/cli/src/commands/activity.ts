import { ACTIVITY_CSV_COLUMNS, activityExportQuerySchema, activityRowSchema, routes, type ActivityExportParsed } from "@wc/contracts";
import type { Context } from "../context";
import { CliError, EXIT, type ExitCode } from "../errors";
import { NDJSON, firstIssue, unexpected } from "../http";
import { pipeBody } from "../streams";

export interface ExportOptions {
  from?: string;
  to?: string;
  format?: string;
}

const FLAG_OF: Record<string, string> = { from: "--from", to: "--to", format: "--format" };

/**
 * The export's query, checked with the console's own schema before anything is sent, so a date
 * without a zone or --from after --to is named with the flag to fix.
 */
export function exportQuery(opts: ExportOptions): ActivityExportParsed {
  const format = opts.format ?? "csv";
  const from = opts.from === undefined ? {} : { from: opts.from };
  const to = opts.to === undefined ? {} : { to: opts.to };
  // Each instant on its own first, so a malformed one is not also reported as "From must be before To".
  const issues = [activityExportQuerySchema.safeParse({ format, ...from }), activityExportQuerySchema.safeParse({ format, ...to })].flatMap((r) =>
    r.success ? [] : r.error.issues,
  );
  const parsed = activityExportQuerySchema.safeParse({ format, ...from, ...to });
  if (issues.length === 0 && parsed.success) return parsed.data;
  const all = issues.length > 0 ? issues : parsed.success ? [] : parsed.error.issues;
  const lines = [...new Set(all.map((i) => `${FLAG_OF[String(i.path[0] ?? "")] ?? String(i.path[0] ?? "")}: ${i.message}`))];
  throw new CliError(lines.join("\n"));
}

const CSV_HEADER = ACTIVITY_CSV_COLUMNS.join(",");

/** The first line says the answer is the export asked for: the CSV header, or an activity row (none when nothing matched). */
function firstLineProblem(format: "csv" | "ndjson", line: string): string | null {
  if (format === "csv") return line.replace(/\r$/, "") === CSV_HEADER ? null : "a CSV without the activity columns";
  if (line.trim() === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(line) as unknown;
  } catch {
    return "a line that is not JSON";
  }
  const row = activityRowSchema.safeParse(json);
  return row.success ? null : firstIssue(row.error);
}

/**
 * Streams the connector's activity to stdout exactly as the console sends it (oldest first), at the
 * pace stdout takes it. A cut connection is an error (exit 2): the console cuts the stream when it
 * fails midway, so that a partial file never looks complete.
 */
export async function activityExport(ctx: Context, id: string, opts: ExportOptions): Promise<ExitCode> {
  const q = exportQuery(opts);
  const client = ctx.client();
  const query = { format: q.format, from: q.from, to: q.to };
  const call = { method: "GET" as const, route: routes.connectorActivityExport(id), query, accept: q.format === "csv" ? "text/csv" : NDJSON };
  const { response, watchdog } = await client.send(call);
  const type = response.headers.get("content-type") ?? "";
  const expected = q.format === "csv" ? "text/csv" : NDJSON;
  if (!type.startsWith(expected) || response.body === null) {
    watchdog.cancel();
    throw unexpected(client.base, call, `Content-Type ${type || "missing"} instead of ${expected}`);
  }
  await pipeBody(response.body, watchdog, client.base, ctx.io.stdout, (line) => {
    const problem = firstLineProblem(q.format, line);
    if (problem !== null) throw unexpected(client.base, call, problem);
  });
  return EXIT.ok;
}
