/** 0: done; 1: `status` found a connector that is not Connected (or none at all); 2: anything went wrong. */
export const EXIT = { ok: 0, notConnected: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI explains in its own words: printed to stderr as `error: <message>`, then exit 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.error,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The token is never printed: any message that would carry it (a proxy echoing a header, say) has it blanked. */
export function redact(text: string, secret: string | undefined): string {
  return secret && secret.length >= 8 ? text.split(secret).join("[token]") : text;
}

/** Control characters from the console (a name, Workday's detail) must not drive the terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}

/** How an error reaches stderr: one `error:` line, then any indented detail lines, token blanked. */
export function errorText(error: unknown, secret: string | undefined): string {
  const message = error instanceof CliError ? error.message : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
  return `${redact(printable(message), secret)
    .split("\n")
    .map((line, i) => (i === 0 ? `error: ${line}` : line))
    .join("\n")}\n`;
}
