import type { Context } from "../context";
import { EXIT, type ExitCode } from "../errors";
import { align, cell, reasonText, statusLabel } from "../format";
import { listConnectors } from "./connectors";

/**
 * One line per connector, and an exit code for cron and monitoring: 0 when every connector is
 * Connected, 1 otherwise, also when there is none (a check must not pass on an empty console),
 * 2 when the console could not be asked.
 */
export async function status(ctx: Context): Promise<ExitCode> {
  const { connectors, raw } = await listConnectors(ctx.client());
  const allConnected = connectors.length > 0 && connectors.every((c) => c.status === "connected");
  if (ctx.json) {
    ctx.out(`${JSON.stringify(raw, null, 2)}\n`);
  } else if (connectors.length === 0) {
    ctx.out("No connectors in this console: nothing is being monitored.\n");
  } else {
    ctx.out(align(connectors.map((c) => [statusLabel(c.status), cell(c.name), c.status === "connected" ? "" : (reasonText(c.reasonCode) ?? "")])));
  }
  return allConnected ? EXIT.ok : EXIT.notConnected;
}
