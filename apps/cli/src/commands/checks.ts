import { checkStreamLineSchema, routes, type Connector } from "@wc/contracts";
import type { Context } from "../context";
import { CliError, EXIT, type ExitCode } from "../errors";
import { NDJSON, firstIssue, unexpected } from "../http";
import { checkLine, reasonText, statusLabel } from "../format";
import { readLines } from "../streams";

/** "Status: Reconnect needed: Workday refused the refresh token (refresh_invalid_grant)". */
export function statusLine(c: Pick<Connector, "status" | "reasonCode">): string {
  const reason = c.status === "connected" ? null : reasonText(c.reasonCode);
  return `Status: ${statusLabel(c.status)}${reason ? `: ${reason}` : ""}\n`;
}

/**
 * Runs the connector's checks and prints each as the console finishes it (NDJSON lines read as they
 * arrive), then the connector's status. Exit 0 whatever the checks found: `status` is the command
 * whose exit code says whether everything is Connected.
 */
export async function checksRun(ctx: Context, id: string): Promise<ExitCode> {
  const client = ctx.client();
  const call = { method: "POST" as const, route: routes.connectorChecks(id), accept: NDJSON };
  const { response, watchdog } = await client.send(call);
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith(NDJSON) || response.body === null) {
    watchdog.cancel();
    throw unexpected(client.base, call, `Content-Type ${type || "missing"} instead of ${NDJSON}`);
  }
  let finished = false;
  await readLines(response.body, watchdog, client.base, (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      throw unexpected(client.base, call, "a line that is not JSON");
    }
    const parsed = checkStreamLineSchema.safeParse(json);
    if (!parsed.success) throw unexpected(client.base, call, firstIssue(parsed.error));
    const line = parsed.data;
    if (finished) throw unexpected(client.base, call, "lines after the final status");
    if (ctx.json) ctx.out(`${text}\n`);
    if (line.type === "error") throw new CliError(line.message);
    if (line.type === "done") finished = true;
    if (!ctx.json) ctx.out(line.type === "check" ? checkLine(line.check) : statusLine(line.connector));
  });
  if (!finished) throw new CliError("The console stopped before the checks finished: run them again.");
  return EXIT.ok;
}
