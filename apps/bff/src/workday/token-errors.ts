import { classifyTokenError, type ReasonCode } from "@wc/workday";
import { describeUpstreamError } from "./upstream-error";

export interface ClassifiedTokenError {
  reasonCode: ReasonCode;
  /** Workday's own answer, reduced to status and error code: never a raw body, never a token. */
  detail: string | null;
}

/** Turns whatever the code exchange threw into a consent reason code and a safe detail. */
export function classifyTokenFailure(e: unknown): ClassifiedTokenError {
  const u = describeUpstreamError(e);
  const reasonCode = classifyTokenError({
    status: u.httpStatus,
    body: u.body,
    ...(u.networkError ? { networkError: u.networkError } : {}),
  });
  return { reasonCode, detail: u.detail };
}
