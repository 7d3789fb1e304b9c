import { classifyTokenError, type ReasonCode } from "@wc/workday";
import { OutboundError } from "../lib/outbound-fetch";

export interface ClassifiedTokenError {
  reasonCode: ReasonCode;
  /** Workday's own answer, reduced to status and error code: never a raw body, never a token. */
  detail: string | null;
}

/** Turns whatever openid-client or our outbound fetch threw into a reason code and a safe detail. */
export function classifyTokenFailure(e: unknown): ClassifiedTokenError {
  const outbound = findOutbound(e);
  if (outbound) {
    const networkError = outbound.kind === "timeout" ? "timeout" : outbound.kind === "reset" ? "reset" : "other";
    const reasonCode = classifyTokenError({ status: null, body: null, networkError });
    return { reasonCode, detail: outbound.message };
  }
  const status = readStatus(e);
  const error = readString(e, "error");
  const description = readString(e, "error_description");
  const body = error ? { error } : null;
  const reasonCode = classifyTokenError({ status, body });
  const parts = [status !== null ? `HTTP ${status}` : null, error ? `error=${error}` : null, description ? sanitize(description) : null];
  const detail = parts.filter(Boolean).join(" · ") || null;
  return { reasonCode, detail };
}

function findOutbound(e: unknown): OutboundError | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof OutboundError) return cur;
    cur = typeof cur === "object" && "cause" in cur ? (cur as { cause: unknown }).cause : null;
  }
  return null;
}

function readStatus(e: unknown): number | null {
  if (typeof e !== "object" || e === null) return null;
  const direct = (e as { status?: unknown }).status;
  if (typeof direct === "number") return direct;
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Response) return cause.status;
  return null;
}

function readString(e: unknown, key: string): string | null {
  if (typeof e !== "object" || e === null) return null;
  const v = (e as Record<string, unknown>)[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

/** Error descriptions are shown to admins: keep them short and printable. */
function sanitize(s: string): string {
  return s.replace(/[^\x20-\x7E]/g, " ").slice(0, 200);
}
