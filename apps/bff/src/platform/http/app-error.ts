import type { ErrorCode } from "@wc/contracts";

/** An operational error: expected, mapped to the contracts error shape by the error middleware. */
export class AppError extends Error {
  /** Sent as Retry-After (429/503). */
  retryAfterSeconds?: number;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found.`);
