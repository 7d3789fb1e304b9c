import { OutboundError } from "../platform/outbound/outbound-fetch";

/** What Workday (or the network) answered, reduced to what classification and support need. */
export interface UpstreamFailure {
  httpStatus: number | null;
  body: unknown;
  networkError?: "timeout" | "reset" | "other";
  retryAfter: string | null;
  /** Safe to show and log: status and error code, never a raw body or a token. */
  detail: string;
}

/**
 * A request that got no answer: the outbound guard says why (timeout, reset, refused address);
 * anything else thrown before an answer counts as a reset, which is retried like one.
 */
export function noAnswer(e: unknown): UpstreamFailure {
  const outbound = findOutbound(e);
  const kind = outbound?.kind ?? "reset";
  const networkError = kind === "timeout" ? "timeout" : kind === "reset" ? "reset" : "other";
  const detail = outbound?.message ?? (e instanceof Error ? e.message : "request failed");
  return { httpStatus: null, body: null, networkError, retryAfter: null, detail };
}

/** Reads an error thrown by openid-client or by our outbound fetch. */
export function describeUpstreamError(e: unknown): UpstreamFailure {
  if (findOutbound(e)) return noAnswer(e);
  const response = findResponse(e);
  const status = readNumber(e, "status") ?? response?.status ?? null;
  const error = readString(e, "error");
  const description = readString(e, "error_description");
  const detail = [status !== null ? `HTTP ${status}` : null, error ? `error=${safe(error)}` : null, description ? safe(description) : null]
    .filter(Boolean)
    .join(" · ");
  return {
    httpStatus: status,
    body: error ? { error } : null,
    retryAfter: response?.headers.get("retry-after") ?? null,
    detail: detail || "Workday's answer could not be read.",
  };
}

/** Describes a plain HTTP answer from a REST API, without its body. */
export function describeResponse(status: number, body: unknown): string {
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : null;
  return [`HTTP ${status}`, typeof error === "string" ? `error=${safe(error)}` : null].filter(Boolean).join(" · ");
}

function findOutbound(e: unknown): OutboundError | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof OutboundError) return cur;
    cur = typeof cur === "object" && "cause" in cur ? cur.cause : null;
  }
  return null;
}

function findResponse(e: unknown): Response | null {
  if (typeof e !== "object" || e === null) return null;
  for (const key of ["response", "cause"]) {
    const v = (e as Record<string, unknown>)[key];
    if (v instanceof Response) return v;
  }
  return null;
}

function readNumber(e: unknown, key: string): number | null {
  const v = typeof e === "object" && e !== null ? (e as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" ? v : null;
}

function readString(e: unknown, key: string): string | null {
  const v = typeof e === "object" && e !== null ? (e as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" && v.length > 0 ? v : null;
}

/** Shown to admins: short and printable. */
export function safe(s: string): string {
  return s.replace(/[^\x20-\x7E]/g, " ").slice(0, 200);
}
