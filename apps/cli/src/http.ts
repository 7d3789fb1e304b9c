import { apiErrorSchema } from "@wc/contracts";
import type { z } from "zod";
import { describeBase, routeUrl, type Connection } from "./connection";
import { CliError } from "./errors";

export const NDJSON = "application/x-ndjson";

/** What one request is, for the messages: `GET /api/connectors`. */
interface Call {
  method: "GET" | "POST";
  route: string;
  query?: Record<string, string | undefined>;
  accept?: string;
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * Aborts a request when the console stays silent: until the answer's headers arrive, and then
 * between chunks while the CLI waits for more (not while stdout is full: that is our own pace).
 */
export class Watchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  constructor(readonly ms: number) {}
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  get fired(): boolean {
    return this.controller.signal.aborted;
  }
  arm(): void {
    this.disarm();
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }
  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
  /** Ends the request (the download is not wanted any more). */
  cancel(): void {
    this.disarm();
    this.controller.abort();
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused (is the console running, and is that the right port?)",
  ENOTFOUND: "no such host name",
  EAI_AGAIN: "the host name could not be looked up right now",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection broke off",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed and not trusted (NODE_EXTRA_CA_CERTS can add your CA)",
  SELF_SIGNED_CERT_IN_CHAIN: "its TLS certificate chain is not trusted (NODE_EXTRA_CA_CERTS can add your CA)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate could not be verified (NODE_EXTRA_CA_CERTS can add your CA)",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another host name",
};

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** fetch says only "fetch failed"; its cause says why ("bad port" for a port browsers refuse, say). */
function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) message = e.message || message;
  return message;
}

/** A request that never got an answer: names the console's address and why, never the token. */
export function unreachable(base: URL, error: unknown, timedOutAfterMs?: number): CliError {
  const where = `Could not reach the console at ${describeBase(base)}`;
  if (timedOutAfterMs !== undefined) {
    const seconds = timedOutAfterMs / 1000;
    return new CliError(`${where}: no answer within ${seconds} second${seconds === 1 ? "" : "s"}.`);
  }
  const code = codeOf(error);
  const reason = code ? (NETWORK_REASONS[code] ?? code) : innermostMessage(error);
  return new CliError(`${where}: ${reason}.`);
}

/**
 * An answer that is not a success: the console's own message (and each field's) when the body is
 * its JSON error shape; otherwise a message that says the address may not be the console.
 */
export function refusal(base: URL, call: Pick<Call, "method" | "route">, status: number, bodyText: string, location?: string | null): CliError {
  if (status >= 300 && status < 400) {
    const to = location ? ` to ${safeLocation(location, base)}` : "";
    return new CliError(`The console at ${describeBase(base)} redirected${to} (HTTP ${status}): use the address it redirects to as the console's address.`);
  }
  const parsed = apiErrorSchema.safeParse(parseJson(bodyText));
  if (!parsed.success) {
    return new CliError(
      `The console at ${describeBase(base)} answered ${call.method} ${call.route} with HTTP ${status} and no workday-connect error: check that the address is the workday-connect console.`,
    );
  }
  const { message, fields, requestId } = parsed.data.error;
  const lines = [message, ...Object.entries(fields ?? {}).map(([field, text]) => `  ${field}: ${text}`)];
  // The console logs the request under this id: support can find it from a cron job's mail.
  if (requestId) lines.push(`  request id: ${requestId}`);
  return new CliError(lines.join("\n"));
}

/** Only the origin and path of a redirect target: its query could carry anything. */
function safeLocation(location: string, base: URL): string {
  try {
    const url = new URL(location, base);
    return `${url.origin}${url.pathname}`;
  } catch {
    return "another address";
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A 2xx answer that does not match the contract: this CLI and the console disagree (or it is not the console). */
export function unexpected(base: URL, call: Pick<Call, "method" | "route">, problem: string): CliError {
  return new CliError(
    `The console at ${describeBase(base)} answered ${call.method} ${call.route} with something unexpected (${problem}). Check that the address is the workday-connect console and that this CLI is the console's version.`,
  );
}

/** The first zod issue, as `connectors.0.status: Invalid option…`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "it does not match";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * The console's API as a script uses it: a bearer token, no cookies, no redirects followed (the token
 * goes to the address given and nowhere else), every failure turned into a CliError that says what to do.
 */
export class ConsoleClient {
  constructor(
    readonly connection: Connection,
    readonly timeoutMs: number,
  ) {}

  get base(): URL {
    return this.connection.baseUrl;
  }

  /** Sends the request and returns a 2xx answer with its watchdog still armed (for streaming), else throws. */
  async send(call: Call): Promise<{ response: Response; watchdog: Watchdog }> {
    const watchdog = new Watchdog(this.timeoutMs);
    watchdog.arm();
    let response: Response;
    try {
      response = await fetch(routeUrl(this.base, call.route, call.query), {
        method: call.method,
        headers: {
          authorization: `Bearer ${this.connection.token}`,
          accept: call.accept ?? "application/json",
          "user-agent": "workday-connect-cli",
          ...(call.body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        redirect: "manual",
        credentials: "omit",
        signal: watchdog.signal,
      });
    } catch (error) {
      watchdog.disarm();
      throw unreachable(this.base, error, watchdog.fired ? this.timeoutMs : undefined);
    }
    if (response.status >= 200 && response.status < 300) return { response, watchdog };
    let text = "";
    try {
      text = await response.text();
    } catch {
      // A refusal whose body broke off still has a status to report.
    }
    watchdog.disarm();
    throw refusal(this.base, call, response.status, text, response.headers.get("location"));
  }

  /** A JSON answer, checked against its contracts schema; `raw` is the body as the console sent it, for --json. */
  async json<S extends z.ZodType>(call: Omit<Call, "accept">, schema: S): Promise<{ data: z.output<S>; raw: unknown }> {
    const { response, watchdog } = await this.send(call);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw watchdog.fired ? unreachable(this.base, error, this.timeoutMs) : brokeOff(this.base, error);
    } finally {
      watchdog.disarm();
    }
    const raw = parseJson(text);
    if (raw === undefined) throw unexpected(this.base, call, "not JSON");
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw unexpected(this.base, call, firstIssue(parsed.error));
    return { data: parsed.data, raw };
  }
}

/** A streamed answer that stopped before its end. */
export function brokeOff(base: URL, error: unknown): CliError {
  const code = codeOf(error);
  return new CliError(`The connection to the console at ${describeBase(base)} broke off before the answer was complete${code ? ` (${code})` : ""}.`);
}
