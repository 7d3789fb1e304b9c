import type { NextFunction, Request, Response } from "express";
import type { ApiErrorBody } from "@wc/contracts";
import type { Logger } from "pino";
import { AppError } from "../lib/app-error";

/** Maps every error to the contracts shape. Unexpected errors are logged and answered generically. */
export function errorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const requestId = typeof res.locals.requestId === "string" ? res.locals.requestId : undefined;
    const appError = toAppError(err);
    if (!appError) {
      log.error({ requestId, err }, "unhandled error");
    }
    const e = appError ?? new AppError(500, "internal", "Something went wrong on our side. Try again; if it persists, give support the request id.");
    const body: ApiErrorBody = {
      error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(requestId ? { requestId } : {}) },
    };
    if (e.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(e.retryAfterSeconds));
    res.status(e.status).json(body);
  };
}

/** Express's own body-parser errors are the client's fault, not ours. */
function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (typeof err === "object" && err !== null && "type" in err) {
    const type = err.type;
    if (type === "entity.too.large") return new AppError(413, "payload_too_large", "The request body is too large.");
    if (type === "entity.parse.failed") return new AppError(400, "validation_failed", "The request body is not valid JSON.");
    if (type === "charset.unsupported" || type === "encoding.unsupported") {
      return new AppError(415, "validation_failed", "Send the request body as UTF-8 JSON.");
    }
  }
  return null;
}
