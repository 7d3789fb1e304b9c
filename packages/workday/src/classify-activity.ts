import { classifyCheckResponse } from "./classify-check-response";
import type { ReasonCode } from "./reason-codes";

/** What the activity sync should do about one answer from activityLogging (or its token). */
export type ActivityAnswerAction =
  | { action: "use" }
  /** 401 on a token not yet refreshed for this request: refresh once and ask again. */
  | { action: "refresh_token" }
  /** 400 on a later page: the tenant's offset ceiling; re-anchor the window. */
  | { action: "reanchor" }
  /** 429, 5xx, timeouts, resets, unreadable answers: wait (Retry-After or backoff) and ask again. */
  | { action: "retry"; reasonCode: ReasonCode }
  /** Someone must act (403 → Workday admin; 401 after a refresh, invalid_grant → reconnect). */
  | { action: "stop"; reasonCode: ReasonCode };

export interface ActivityAnswer {
  httpStatus: number | null;
  body: unknown;
  networkError?: "timeout" | "reset" | "other";
  environment: "production" | "sandbox" | null;
  /** The offset the request asked for. */
  offset: number;
  /** Whether the access token was already refreshed for this request. */
  refreshed: boolean;
}

/**
 * Classifies an activityLogging answer with the health checks' rules (the same reason codes and
 * the same transient/definitive split), plus the two answers paging must handle itself.
 */
export function classifyActivityAnswer(a: ActivityAnswer): ActivityAnswerAction {
  if (a.httpStatus === 401 && !a.refreshed) return { action: "refresh_token" };
  if (a.httpStatus === 400 && a.offset > 0) return { action: "reanchor" };
  const c = classifyCheckResponse({
    check: "activity_logging",
    httpStatus: a.httpStatus,
    body: a.body,
    environment: a.environment,
    ...(a.networkError !== undefined ? { networkError: a.networkError } : {}),
  });
  if (c.outcome === "pass") return { action: "use" };
  return c.outcome === "transient" ? { action: "retry", reasonCode: c.reasonCode } : { action: "stop", reasonCode: c.reasonCode };
}

/** A failed token refresh during sync, judged exactly as the token health check judges it. */
export function classifyTokenFailureForSync(f: {
  httpStatus: number | null;
  body: unknown;
  networkError?: "timeout" | "reset" | "other";
  environment: "production" | "sandbox" | null;
}): { transient: boolean; reasonCode: ReasonCode } {
  const c = classifyCheckResponse({ check: "token", ...f });
  if (c.outcome === "pass") return { transient: true, reasonCode: "malformed_response" };
  return { transient: c.outcome === "transient", reasonCode: c.reasonCode };
}
