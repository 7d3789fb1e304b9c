import { CONNECTOR_STATUSES } from "@wc/workday";
import { STATUS_LABELS, connectorDetailResponseSchema, listConnectorsResponseSchema, routes, type ConnectorStatus, type ConnectorSummary } from "@wc/contracts";
import { z } from "zod";
import type { Context } from "../context";
import { CliError, EXIT, type ExitCode } from "../errors";
import type { ConsoleClient } from "../http";
import { align, cell, checkReason, checkTitle, environmentLabel, reasonText, resultOf, RESULT_WORDS, statusLabel, table, when } from "../format";

/**
 * One page of the list, read for its connectors and `nextCursor` (followed as `?cursor=`) only: a
 * console from before paging sends neither the cursor nor the page's counts, and is read whole.
 */
const listPageSchema = z.object({ connectors: listConnectorsResponseSchema.shape.connectors, nextCursor: z.string().min(1).nullable().optional() });
const MAX_PAGES = 10_000;

export interface ConnectorList {
  connectors: ConnectorSummary[];
  /** The JSON as the console sent it (one page), or its pages' connectors put together. */
  raw: { connectors: unknown[] } & Record<string, unknown>;
}

/** Every connector, following `nextCursor` when the console pages the list. */
export async function listConnectors(client: ConsoleClient): Promise<ConnectorList> {
  const connectors: ConnectorSummary[] = [];
  const rawConnectors: unknown[] = [];
  let first: Record<string, unknown> | null = null;
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const call = { method: "GET" as const, route: routes.connectors, ...(cursor === undefined ? {} : { query: { cursor } }) };
    const { data, raw } = await client.json(call, listPageSchema);
    const body = raw as { connectors: unknown[] } & Record<string, unknown>;
    first ??= body;
    connectors.push(...data.connectors);
    rawConnectors.push(...body.connectors);
    const next = data.nextCursor ?? null;
    if (next === null) {
      return { connectors, raw: page === 0 ? body : { connectors: rawConnectors, nextCursor: null } };
    }
    if (seen.has(next)) throw new CliError("The console's connector list repeated a page cursor; stopped reading to avoid a loop.");
    seen.add(next);
    cursor = next;
  }
  throw new CliError(`The console's connector list went on for more than ${MAX_PAGES} pages; stopped reading.`);
}

const statusChoices = () => CONNECTOR_STATUSES.map((s) => `  ${s} (${STATUS_LABELS[s]})`).join("\n");

/** `--status relink_needed,degraded`: one status or several, comma-separated, by their codes. */
export function parseStatuses(value: string): ConnectorStatus[] {
  const wanted = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (wanted.length === 0) throw new CliError(`--status needs a status. Use one of (or several, comma-separated):\n${statusChoices()}`);
  const unknown = wanted.filter((s) => !(CONNECTOR_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    const named = unknown.map((s) => `"${cell(s)}"`).join(", ");
    throw new CliError(`Unknown status ${named}. Use one of (or several, comma-separated):\n${statusChoices()}`);
  }
  return [...new Set(wanted as ConnectorStatus[])];
}

export function connectorsTable(connectors: readonly ConnectorSummary[]): string {
  return table(
    ["NAME", "STATUS", "TENANT", "ENVIRONMENT", "LAST SUCCESSFUL CHECK", "ID"],
    connectors.map((c) => [cell(c.name), statusLabel(c.status), cell(c.tenant), environmentLabel(c.environment), when(c.lastSuccessAt), cell(c.id)]),
  );
}

export async function connectorsList(ctx: Context, opts: { status?: string }): Promise<ExitCode> {
  const statuses = opts.status === undefined ? null : parseStatuses(opts.status);
  const { connectors, raw } = await listConnectors(ctx.client());
  const keep = (c: ConnectorSummary) => statuses === null || statuses.includes(c.status);
  if (ctx.json) {
    const rawKept = raw.connectors.filter((_, i) => {
      const c = connectors[i];
      return c !== undefined && keep(c);
    });
    ctx.out(`${JSON.stringify({ ...raw, connectors: rawKept }, null, 2)}\n`);
    return EXIT.ok;
  }
  const shown = connectors.filter(keep);
  if (shown.length === 0) {
    ctx.out(statuses === null ? "No connectors yet.\n" : `No connectors with status ${statuses.map((s) => STATUS_LABELS[s]).join(" or ")}.\n`);
    return EXIT.ok;
  }
  ctx.out(connectorsTable(shown));
  return EXIT.ok;
}

export async function connectorsShow(ctx: Context, id: string): Promise<ExitCode> {
  const { data, raw } = await ctx.client().json({ method: "GET", route: routes.connector(id) }, connectorDetailResponseSchema);
  if (ctx.json) {
    ctx.out(`${JSON.stringify(raw, null, 2)}\n`);
    return EXIT.ok;
  }
  const c = data.connector;
  const rows: string[][] = [
    ["ID:", cell(c.id)],
    ["Status:", statusLabel(c.status)],
  ];
  const reason = reasonText(c.reasonCode);
  if (reason !== null) rows.push(["Reason:", cell(reason)]);
  if (c.lastErrorDetail) rows.push(["Workday said:", cell(c.lastErrorDetail)]);
  rows.push(
    ["Tenant:", cell(c.tenant)],
    ["Environment:", environmentLabel(c.environment)],
    ["Last success:", when(c.lastSuccessAt)],
    ["Last check:", when(c.lastCheckAt)],
    ["Next check:", when(c.nextCheckAt)],
  );
  let text = `${cell(c.name)}\n${align(rows.map((r) => ["", ...r]))}`;
  const checks = c.lastChecks ?? [];
  if (checks.length === 0) {
    text += "\nChecks: none run yet.\n";
  } else {
    text += `\nChecks:\n${align(checks.map((check) => ["", checkTitle(check.id), RESULT_WORDS[resultOf(check)], checkReason(check)]))}`;
  }
  ctx.out(text);
  return EXIT.ok;
}
