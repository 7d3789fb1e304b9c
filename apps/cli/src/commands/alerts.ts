import { alertListResponseSchema, alertsStatusResponseSchema, routes, type AlertStatus, type AlertView } from "@wc/contracts";
import type { Context } from "../context";
import { CliError, EXIT, type ExitCode } from "../errors";
import { cell, table, when } from "../format";

/** The list's filters as the console names its query parameters. */
export interface AlertFilterOptions {
  policy?: string;
  severity?: string;
  connector?: string;
  account?: string;
}
const filterQuery = (o: AlertFilterOptions) => ({ policyId: o.policy, severity: o.severity, connectorId: o.connector, account: o.account });
const PAGE = 200;
const SEVERITY = { low: "Low", medium: "Medium", high: "High" } as const;
const STATUS = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" } as const;

export function alertsTable(alerts: readonly AlertView[]): string {
  return table(
    ["RAISED", "SEVERITY", "POLICY", "CONNECTOR", "ACCOUNT", "ROWS", "STATUS", "ID"],
    alerts.map((a) => [
      when(a.raisedAt),
      SEVERITY[a.severity],
      cell(a.policyName),
      cell(a.connector.name ?? a.connector.id),
      cell(a.account),
      String(a.rowCount),
      STATUS[a.status],
      cell(a.id),
    ]),
  );
}

/** The newest alerts the filters match, at most `limit`, following the console's cursor; then the counts by status. */
export async function alertsList(ctx: Context, o: AlertFilterOptions & { status?: AlertStatus; limit: number }): Promise<ExitCode> {
  const client = ctx.client();
  const alerts: AlertView[] = [];
  const raws: unknown[] = [];
  let counts: Record<AlertStatus, number> | null = null;
  let cursor: string | undefined;
  do {
    const query = { ...filterQuery(o), status: o.status, pageSize: String(Math.min(PAGE, o.limit - alerts.length)), cursor };
    const { data, raw } = await client.json({ method: "GET", route: routes.alerts, query }, alertListResponseSchema);
    alerts.push(...data.alerts);
    raws.push(...(raw as { alerts: unknown[] }).alerts);
    counts ??= data.counts;
    cursor = data.nextCursor ?? undefined;
  } while (cursor !== undefined && alerts.length < o.limit);
  const total = counts === null ? 0 : o.status ? counts[o.status] : counts.open + counts.resolved + counts.dismissed;
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ alerts: raws, counts }, null, 2)}\n`);
  } else if (alerts.length === 0) {
    ctx.out("No alerts match.\n");
  } else {
    ctx.out(alertsTable(alerts));
    if (total > alerts.length) ctx.out(`Showing the newest ${alerts.length} of ${total}: narrow the filters or raise --limit.\n`);
  }
  return EXIT.ok;
}

const DONE = { resolved: "Resolved", dismissed: "Dismissed", open: "Reopened" } as const;

/**
 * Resolves, dismisses or reopens every alert the filters match whose status is `from`, in one
 * request: the count read first goes with it, so an alert raised in between is not changed unseen
 * (the console then refuses, and nothing changes). Without a filter, only with `--all`.
 */
export async function alertsChange(
  ctx: Context,
  to: AlertStatus,
  o: AlertFilterOptions & { note?: string; all?: boolean; from?: AlertStatus },
): Promise<ExitCode> {
  const filtered = Object.values(filterQuery(o)).some((v) => v !== undefined);
  if (!filtered && o.all !== true) {
    throw new CliError("Name at least one filter (--policy, --severity, --connector, --account), or --all to change every alert.");
  }
  const from: AlertStatus = to === "open" ? (o.from ?? "resolved") : "open";
  const client = ctx.client();
  const { data: list } = await client.json(
    { method: "GET", route: routes.alerts, query: { ...filterQuery(o), status: from, pageSize: "1" } },
    alertListResponseSchema,
  );
  const count = list.counts[from];
  if (count === 0) {
    if (ctx.json) ctx.out(`${JSON.stringify({ changed: 0 })}\n`);
    else ctx.out(`No ${from} alerts match.\n`);
    return EXIT.ok;
  }
  const body = { filter: filterQuery(o), from, status: to, note: o.note ?? "", count };
  const { data, raw } = await client.json({ method: "POST", route: routes.alertsStatus, body }, alertsStatusResponseSchema);
  if (ctx.json) ctx.out(`${JSON.stringify(raw)}\n`);
  else ctx.out(`${DONE[to]} ${data.changed} ${from} alert${data.changed === 1 ? "" : "s"}.\n`);
  return EXIT.ok;
}
