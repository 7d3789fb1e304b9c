import type { CliEnv } from "./config/env";
import { resolveConnection } from "./connection";
import { CliError } from "./errors";
import { ConsoleClient } from "./http";
import type { Sink } from "./streams";

export interface Io {
  stdout: Sink;
  stderr: Pick<Sink, "write">;
}

/** The options every command takes (before or after the command name). */
export interface GlobalOptions {
  url?: string;
  token?: string;
  json?: boolean;
  timeout?: string;
}

export const DEFAULT_TIMEOUT_SECONDS = 60;

/** --timeout in seconds: a whole number from 1 to 3600. */
export function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  if (!/^\d{1,4}$/.test(value.trim()) || Number(value) < 1 || Number(value) > 3600) {
    throw new CliError("--timeout must be a whole number of seconds from 1 to 3600.");
  }
  return Number(value) * 1000;
}

/** What a command needs: where to write, whether --json was asked for, and the console (checked when first used). */
export class Context {
  constructor(
    readonly io: Io,
    readonly env: CliEnv,
    readonly options: GlobalOptions,
  ) {}

  get json(): boolean {
    return this.options.json === true;
  }

  /** Resolved on first use, so `--help` and argument mistakes never need a URL or token. */
  client(): ConsoleClient {
    const timeoutMs = parseTimeout(this.options.timeout);
    return new ConsoleClient(resolveConnection(this.options, this.env), timeoutMs);
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }
}
