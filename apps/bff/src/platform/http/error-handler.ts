import type { NextFunction, Request, Response } from "express";
import type { ApiErrorBody, ErrorCode } from "@wc/contracts";
import type { Logger } from "pino";
import { AppError } from "./app-error";
import { clientStatusOf } from "./json-body";

/**
 * Maps every error to the contracts shape. A client's mistake (our AppErrors and the 4xx that
 * Express, its router and body-parser raise) is answered with what to fix and logged without a
 * stack; anything else is ours: logged in full and answered generically.
 */
export function errorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const requestId = typeof res.locals.requestId === "string" ? res.locals.requestId : undefined;
    const appError = toAppError(err);
    if (!appError) {
      log.error({ requestId, err }, "unhandled error");
    } else if (appError.cause !== undefined) {
      // Which library refused the request and why, for support; its stack would say nothing.
      log.info({ requestId, status: appError.status, reason: reasonOf(appError.cause) }, "request refused");
    }
    const e = appError ?? new AppError(500, "internal", "Something went wrong on our side. Try again; if it persists, give support the request id.");
    const body: ApiErrorBody = {
      error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(requestId ? { requestId } : {}) },
    };
    if (e.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(e.retryAfterSeconds));
    // Errors are never cached, whichever middleware raised them (some run before the /api router's no-store).
    res.setHeader("Cache-Control", "no-store");
    // A route may have announced a stream or a download before failing: the error is neither.
    res.removeHeader("Content-Disposition");
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.status(e.status).json(body);
  };
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const status = clientStatusOf(err);
  if (status === null) return null;
  // The router's decodeURIComponent of a path parameter (%zz, a lone %, a cut-off UTF-8 sequence).
  if (err instanceof URIError) {
    return new AppError(
      400,
      "validation_failed",
      "The URL is malformed: part of its path is not valid percent-encoding. Encode each path segment with encodeURIComponent.",
      undefined,
      { cause: err },
    );
  }
  return new AppError(status, CODES[status] ?? "validation_failed", "The request could not be understood. Check its URL, headers and body.", undefined, {
    cause: err,
  });
}

const CODES: Partial<Record<number, ErrorCode>> = {
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "rate_limited",
};

/** The library's error name and type only: its message may quote the client's input at length. */
function reasonOf(err: unknown): string {
  if (typeof err !== "object" || err === null) return String(err);
  const name = err instanceof Error ? err.name : "error";
  const type = "type" in err && typeof err.type === "string" ? err.type : "code" in err && typeof err.code === "string" ? err.code : "";
  return type ? `${name} ${type}` : name;
}
