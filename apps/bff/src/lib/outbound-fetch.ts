import { isHostAllowed, type HostAllowList } from "@wc/workday";

/**
 * Every call to Workday goes through here: allow-listed hosts only (SSRF guard), https unless the
 * host is explicitly allowed for http, no redirects followed, a timeout, and a response size cap.
 */
export interface OutboundOptions {
  allow: HostAllowList;
  timeoutMs: number;
  maxBytes?: number;
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
  return async (input, init) => {
    const url = new URL(String(input));
    const verdict = isHostAllowed(url, o.allow);
    if (!verdict.allowed || (url.protocol !== "https:" && !(url.protocol === "http:" && verdict.httpAllowed))) {
      throw new OutboundError("refused", `Refusing to call ${url.host}: not an allowed Workday host (ALLOWED_WORKDAY_HOSTS).`);
    }
    const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(o.timeoutMs)]) : AbortSignal.timeout(o.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal, redirect: "manual" });
    } catch (e) {
      throw toOutboundError(e, url);
    }
    if (res.status >= 300 && res.status < 400) {
      throw new OutboundError("redirect", `Workday answered ${url.host} with a redirect (${res.status}); redirects are not followed.`);
    }
    const body = await readCapped(res, maxBytes, url);
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
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
