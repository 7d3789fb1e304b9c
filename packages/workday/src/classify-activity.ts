import { classifyCheckResponse } from "./classify-check-response";
import { failedWith, type UpstreamFailureOutcome, type UpstreamOutcome } from "./status-model";

/**
 * What one answer from activityLogging means: the shared upstream outcome (pass → use the page;
 * transient → wait and ask again; definitive → someone must act), plus the two answers paging
 * handles itself.
 */
export type ActivityOutcome =
  | UpstreamOutcome
  /** 401 on a token not yet refreshed for this request: refresh once and ask again. */
  | { outcome: "refresh_token" }
  /** 400 on a later page: the tenant's offset ceiling; re-anchor the window. */
  | { outcome: "reanchor" };

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
export function classifyActivityAnswer(a: ActivityAnswer): ActivityOutcome {
  if (a.httpStatus === 401 && !a.refreshed) return { outcome: "refresh_token" };
  if (a.httpStatus === 400 && a.offset > 0) return { outcome: "reanchor" };
  return classifyCheckResponse({
    check: "activity_logging",
    httpStatus: a.httpStatus,
    body: a.body,
    environment: a.environment,
    ...(a.networkError !== undefined ? { networkError: a.networkError } : {}),
  });
}

/** A failed token refresh during sync, judged exactly as the token health check judges it. */
export function classifyTokenFailureForSync(f: {
  httpStatus: number | null;
  body: unknown;
  networkError?: "timeout" | "reset" | "other";
  environment: "production" | "sandbox" | null;
}): UpstreamFailureOutcome {
  const c = classifyCheckResponse({ check: "token", ...f });
  // It failed, so a "pass" here means an answer that looked fine but was not usable.
  return c.outcome === "pass" ? failedWith("malformed_response") : c;
}
