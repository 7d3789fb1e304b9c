import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

/** A request id on every request and response, and one log line per request (no query string: it may hold a code). */
export function requestContext(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = req.originalUrl.split("?")[0];
      log.info({ requestId: id, method: req.method, path, status: res.statusCode, ms: Math.round(ms) }, "request");
    });
    next();
  };
}
