import { Command, CommanderError, Option } from "commander";
import { CONNECTOR_STATUSES } from "@wc/workday";
import { ENV, type CliEnv } from "./config/env";
import { Context, DEFAULT_TIMEOUT_SECONDS, type GlobalOptions, type Io } from "./context";
import { CliError, EXIT, errorText, type ExitCode } from "./errors";
import { OutputClosed } from "./streams";
import { connectorsList, connectorsShow } from "./commands/connectors";
import { checksRun } from "./commands/checks";
import { activityExport, type ExportOptions } from "./commands/activity";
import { status } from "./commands/status";
import { alertsChange, alertsList, type AlertFilterOptions } from "./commands/alerts";

const PROGRAM_HELP = `
Connection:
  ${ENV.url}     the console's address, e.g. https://console.example.com
  ${ENV.token}   an API token from the console's API tokens page (wct_…)
  Prefer the variables to --url and --token: other users can read command lines
  in the process list. An admin token can do everything; a support token can read.

Exit codes:
  0  done
  1  status: a connector is not Connected, or there are no connectors at all
  2  error: bad input, refused by the console (401, 403, 404…), or console unreachable

Examples:
  $ export ${ENV.url}=https://console.example.com
  $ export ${ENV.token}=wct_…
  $ workday-connect status || echo "a connector needs attention"
  $ workday-connect connectors list --status relink_needed
  $ workday-connect alerts list --status open --severity high
`;

const example = (...lines: string[]) => `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/**
 * The `workday-connect` command line. Every action returns its exit code through `done`; commander's
 * own mistakes (unknown command or option, missing argument) exit 2 like every other bad input.
 */
export function buildProgram(io: Io, env: CliEnv, done: (code: ExitCode) => void): Command {
  const program = new Command("workday-connect");
  program
    .description("Check, export from and triage alerts of a workday-connect console from scripts, cron and monitoring.")
    .addOption(new Option("--url <url>", `the console's address (default: $${ENV.url})`))
    .addOption(new Option("--token <token>", `an API token (default: $${ENV.token}; the variable keeps it out of the process list)`))
    .option("--json", "print the console's JSON instead of a table (NDJSON for checks run)")
    .addOption(new Option("--timeout <seconds>", `give up when the console stays silent this long (default: ${DEFAULT_TIMEOUT_SECONDS})`))
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", PROGRAM_HELP);

  // commander hands each action its arguments, its own options, then the command (whose
  // optsWithGlobals also holds --url, --token, --json and --timeout wherever they were given).
  const context = (cmd: Command) => new Context(io, env, cmd.optsWithGlobals<GlobalOptions>());

  const connectors = program.command("connectors").description("list connectors, or show one with its checks");
  connectors
    .command("list")
    .description("list every connector: name, status, tenant, environment, last successful check, id")
    .addOption(new Option("--status <status>", `only connectors with this status (several: comma-separated): ${CONNECTOR_STATUSES.join(", ")}`))
    .addHelpText(
      "after",
      example(
        "workday-connect connectors list",
        "workday-connect connectors list --status relink_needed,action_required",
        "workday-connect connectors list --json | jq -r '.connectors[].id'",
      ),
    )
    .action(async (opts: { status?: string }, cmd: Command) => done(await connectorsList(context(cmd), opts)));
  connectors
    .command("show")
    .description("one connector: status, reason and its troubleshooting title, each check's result, last success, next check")
    .argument("<id>", "the connector's id (see connectors list)")
    .addHelpText("after", example("workday-connect connectors show 0b6f…"))
    .action(async (id: string, _opts: unknown, cmd: Command) => done(await connectorsShow(context(cmd), id)));

  const checks = program.command("checks").description("run a connector's health checks (admin token)");
  checks
    .command("run")
    .description("run the checks now, printing each as it finishes, then the connector's status")
    .argument("<id>", "the connector's id (see connectors list)")
    .addHelpText("after", example("workday-connect checks run 0b6f…", "workday-connect checks run 0b6f… --json   # the console's NDJSON lines"))
    .action(async (id: string, _opts: unknown, cmd: Command) => done(await checksRun(context(cmd), id)));

  const activity = program.command("activity").description("a connector's Workday user activity");
  activity
    .command("export")
    .description("write the connector's activity rows, oldest first, to stdout as CSV or NDJSON while they stream in (--json does not apply)")
    .argument("<id>", "the connector's id (see connectors list)")
    .option("--from <iso>", "rows at or after this instant, with a zone, e.g. 2026-03-01T00:00:00Z (default: the oldest)")
    .option("--to <iso>", "rows before this instant, e.g. 2026-03-02T00:00:00Z (default: the newest)")
    .addOption(new Option("--format <format>", "csv or ndjson").choices(["csv", "ndjson"]).default("csv"))
    .addHelpText(
      "after",
      example(
        "workday-connect activity export 0b6f… --from 2026-03-01T00:00:00Z --to 2026-03-02T00:00:00Z > activity.csv",
        "workday-connect activity export 0b6f… --format ndjson --from 2026-03-01T00:00:00Z | jq .systemAccount",
      ),
    )
    .action(async (id: string, opts: ExportOptions, cmd: Command) => done(await activityExport(context(cmd), id, opts)));

  const alerts = program.command("alerts").description("alerts the activity policies raised: list them, or resolve, dismiss or reopen all a filter matches");
  const filters = (c: Command) =>
    c
      .option("--policy <id>", "only alerts of this policy (its id, see the Policies page or GET /api/policies)")
      .addOption(new Option("--severity <severity>", "only alerts of this severity").choices(["low", "medium", "high"]))
      .option("--connector <id>", "only alerts of this connector (see connectors list)")
      .option("--account <name>", "only alerts about this Workday account (any case)");
  filters(alerts.command("list"))
    .description("the newest alerts the filters match: raised, severity, policy, connector, account, rows, status, id")
    .addOption(new Option("--status <status>", "only alerts with this status").choices(["open", "resolved", "dismissed"]))
    .addOption(new Option("--limit <n>", "at most this many, newest first (1 to 10000)").default("100"))
    .addHelpText(
      "after",
      example("workday-connect alerts list --status open --severity high", "workday-connect alerts list --policy pol_… --json | jq -r '.alerts[].id'"),
    )
    .action(async (opts: AlertFilterOptions & { status?: "open" | "resolved" | "dismissed"; limit: string }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!/^\d{1,5}$/.test(opts.limit.trim()) || limit < 1 || limit > 10_000) throw new CliError("--limit must be a whole number from 1 to 10000.");
      done(await alertsList(context(cmd), { ...opts, limit }));
    });
  for (const [name, to, what] of [
    ["resolve", "resolved", "it was real and is dealt with"],
    ["dismiss", "dismissed", "it was not a problem"],
  ] as const) {
    filters(alerts.command(name))
      .description(`${name} every open alert the filters match, with one note (admin token; ${what}); one audit entry`)
      .requiredOption("--note <text>", "why: it goes into the console's audit log")
      .option("--all", "with no filter: every open alert in the console")
      .addHelpText("after", example(`workday-connect alerts ${name} --policy pol_… --note "Planned access review, CHG-1234"`))
      .action(async (opts: AlertFilterOptions & { note: string; all?: boolean }, cmd: Command) => done(await alertsChange(context(cmd), to, opts)));
  }
  filters(alerts.command("reopen"))
    .description("reopen every resolved (or, with --from dismissed, dismissed) alert the filters match (admin token)")
    .addOption(new Option("--from <status>", "the status the alerts have now").choices(["resolved", "dismissed"]).default("resolved"))
    .option("--all", "with no filter: every such alert in the console")
    .addHelpText("after", example("workday-connect alerts reopen --policy pol_… --from dismissed"))
    .action(async (opts: AlertFilterOptions & { from: "resolved" | "dismissed"; all?: boolean }, cmd: Command) =>
      done(await alertsChange(context(cmd), "open", opts)),
    );

  program
    .command("status")
    .description("one line per connector; exit 0 when every connector is Connected, 1 otherwise (also when there are none), 2 on error")
    .addHelpText("after", example("workday-connect status", "*/5 * * * * workday-connect status >/dev/null || notify-team   # crontab"))
    .action(async (_opts: unknown, cmd: Command) => done(await status(context(cmd))));

  return program;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code; nothing here calls process.exit. */
export async function runCli(argv: readonly string[], io: Io, env: CliEnv): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, env, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    if (error instanceof OutputClosed) return EXIT.ok;
    const opts = program.opts<GlobalOptions>();
    io.stderr.write(errorText(error, opts.token ?? env.token));
    return error instanceof CliError ? error.exitCode : EXIT.error;
  }
}
