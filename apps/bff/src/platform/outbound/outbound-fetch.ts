import { isHostAllowed, type HostAllowList } from "@wc/workday";
import { Agent } from "undici";
import { ipLiteral, systemResolver, type Resolver } from "./address-policy";
import { NonPublicAddressError, pinnedLookup, resolveVetted, UnresolvedHostError, vet } from "./pinned-lookup";

/**
 * Every call to Workday goes through here: allow-listed hosts only (SSRF guard), https unless the
 * host is explicitly allowed for http, no loopback/private/link-local addresses unless the host is
 * listed exactly, no redirects followed, a timeout, and a response size cap.
 */
export interface OutboundOptions {
  allow: HostAllowList;
  timeoutMs: number;
  maxBytes?: number;
  /**
   * Host name resolution, for the address check and for the connection itself (one answer serves
   * both); defaults to `dns.lookup` with `all: true`.
   */
  resolve?: Resolver;
  /**
   * A fetch to use instead of the default (tests). It resolves names itself, so the address check
   * then runs before it and the connection is not pinned to the vetted answer.
   */
  fetch?: typeof fetch;
  /** The variable that lists allowed hosts, named in refusals (default ALLOWED_WORKDAY_HOSTS). */
  allowListName?: string;
  /** Who answers, in messages (default "Workday"). */
  peer?: string;
  /**
   * Any https host with public addresses may be called, listed or not (notification webhooks);
   * the list then only adds http and private addresses for hosts named exactly.
   */
  anyPublicHttps?: boolean;
}

export class OutboundError extends Error {
  constructor(
    readonly kind: "refused" | "timeout" | "reset" | "too_large" | "redirect",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

export function createOutboundFetch(o: OutboundOptions): FetchLike {
  const maxBytes = o.maxBytes ?? 1_000_000;
  const resolve = o.resolve ?? systemResolver;
  // The operator vouched for an exactly listed host (e.g. the local simulator); anything reached
  // through a wildcard must resolve to public addresses only (DNS rebinding, hijacked subdomains).
  // The check runs inside the connection's own lookup, so the socket connects to exactly the
  // answer that was vetted: there is no second resolution to rebind. Two agents, since whether a
  // host is listed exactly depends on its port, which a lookup does not see.
  const trusted = new Agent({ connect: { lookup: pinnedLookup(resolve, true) } });
  const vetted = new Agent({ connect: { lookup: pinnedLookup(resolve, false) } });
  const ENV = o.allowListName ?? "ALLOWED_WORKDAY_HOSTS";
  const peer = o.peer ?? "Workday";
  return async (input, init) => {
    const url = checkUrl(input, o.allow, ENV, o.anyPublicHttps === true);
    // One timer per call, cleared as soon as the answer is read: AbortSignal.timeout's timer (and
    // the signal AbortSignal.any ties to it) would outlive the call by the whole timeout, which at
    // thousands of checks a round kept thousands of timers and signals alive for 15 s each.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException(`${url.host} did not answer in time.`, "TimeoutError")), o.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      return await call(url, init, signal);
    } finally {
      clearTimeout(timer);
    }
  };

  async function call(url: URL, init: RequestInit | undefined, signal: AbortSignal): Promise<Response> {
    const exact = isListedExactly(url, o.allow);
    // An IP literal is never looked up, so it is checked here; so is any host when a fetch is injected.
    if (!exact && (o.fetch !== undefined || ipLiteral(url.hostname) !== null)) await checkAddresses(url, resolve, signal, ENV);
    let res: Response;
    try {
      if (o.fetch !== undefined) {
        res = await o.fetch(url, { ...init, signal, redirect: "manual" });
      } else {
        // Node's own fetch (its bundled undici 6) with an Agent of the same major as dispatcher: the
        // npm package's fetch cost 12% more time and 45 MB more memory on the backfill benchmark.
        // The types name two copies of the same Dispatcher interface.
        const request = { ...init, signal, redirect: "manual", dispatcher: exact ? trusted : vetted } as unknown as RequestInit;
        res = await fetch(url, request);
      }
    } catch (e) {
      throw fromConnectError(e, url, ENV);
    }
    if (res.status >= 300 && res.status < 400) {
      // The body is not read: release the connection now rather than when it is collected.
      await res.body?.cancel().catch(() => undefined);
      throw new OutboundError("redirect", `${peer} answered ${url.host} with a redirect (${res.status}); redirects are not followed.`);
    }
    const body = await readCapped(res, maxBytes, url);
    // A global Response, whatever fetch produced the answer. These statuses may not carry a body at all.
    const bodiless = res.status === 204 || res.status === 205 || res.status === 304;
    return new Response(bodiless ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
}

function checkUrl(input: string | URL, allow: HostAllowList, ENV: string, anyPublicHttps: boolean): URL {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch (e) {
    throw new OutboundError("refused", "Refusing to call an address that is not a valid URL.", { cause: e });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new OutboundError(
      "refused",
      `Refusing to call a ${url.protocol} URL: only https (or http for a host listed as http://host:port in ${ENV}) is allowed.`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new OutboundError("refused", `Refusing to call ${url.host}: the URL carries a user name or password; remove the user:password@ part.`);
  }
  const verdict = isHostAllowed(url, allow);
  if (anyPublicHttps && url.protocol === "https:") return url;
  if (!verdict.allowed || (url.protocol !== "https:" && !verdict.httpAllowed)) {
    const what = anyPublicHttps ? "plain http is allowed only for hosts listed as http://host:port" : "not an allowed Workday host";
    throw new OutboundError("refused", `Refusing to call ${url.host}: ${what} (${ENV}).`);
  }
  return url;
}

function isListedExactly(url: URL, allow: HostAllowList): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = url.port !== "" ? url.port : url.protocol === "http:" ? "80" : "443";
  return allow.entries.some((e) => e.match === "exact" && e.hostname === hostname && (e.port === null ? url.port === "" : e.port === port));
}

async function checkAddresses(url: URL, resolve: Resolver, signal: AbortSignal, ENV: string): Promise<void> {
  const literal = ipLiteral(url.hostname);
  try {
    if (literal !== null) vet(url.hostname, [{ address: literal, family: 0 }], false);
    else await abortable(resolveVetted(url.hostname, resolve, false), signal);
  } catch (e) {
    throw fromLookupError(e, url, ENV);
  }
}

/** The error a lookup or address check raised, as the caller sees it. */
function fromLookupError(e: unknown, url: URL, ENV: string): OutboundError {
  if (e instanceof NonPublicAddressError) {
    return new OutboundError(
      "refused",
      `Refusing to call ${url.host}: it resolves to ${e.address} (${e.range}), not a public address. Only a host listed exactly in ${ENV} ` +
        `(add "${url.protocol === "http:" ? "http://" : ""}${url.host}" if this is intended) may reach loopback, private or link-local ` +
        `addresses; a wildcard such as *.workday.com never does.`,
    );
  }
  if (e instanceof UnresolvedHostError) {
    return new OutboundError(
      "reset",
      e.reason === "failed" ? `The host name ${url.hostname} could not be resolved.` : `The host name ${url.hostname} did not resolve to any address.`,
      e.cause !== undefined ? { cause: e.cause } : undefined,
    );
  }
  return toOutboundError(e, url);
}

/**
 * undici reports a failed connection as TypeError("fetch failed") with the socket's error as its
 * cause: when the pinned lookup refused the host or could not resolve it, that is the error to report.
 */
function fromConnectError(e: unknown, url: URL, ENV: string): OutboundError {
  if (e instanceof OutboundError) return e;
  for (let cause: unknown = e, depth = 0; cause instanceof Error && depth < 4; cause = cause.cause, depth++) {
    if (cause instanceof NonPublicAddressError || cause instanceof UnresolvedHostError) return fromLookupError(cause, url, ENV);
    if (cause.name === "TimeoutError" || cause.name === "AbortError") return toOutboundError(cause, url);
  }
  return toOutboundError(e, url);
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function readCapped(res: Response, maxBytes: number, url: URL): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new OutboundError("too_large", `The answer from ${url.host} was larger than ${maxBytes} bytes.`);
      chunks.push(chunk);
    }
  } catch (e) {
    throw e instanceof OutboundError ? e : toOutboundError(e, url);
  }
  return Buffer.concat(chunks);
}

function toOutboundError(e: unknown, url: URL): OutboundError {
  const name = e instanceof Error ? e.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new OutboundError("timeout", `${url.host} did not answer in time.`, { cause: e });
  }
  return new OutboundError("reset", `The connection to ${url.host} failed or was reset.`, { cause: e });
}
