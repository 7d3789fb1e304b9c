import express, { type NextFunction, type Request, type Response } from "express";
import zlib from "node:zlib";
import { AppError } from "./app-error";

const LIMIT = "32kb";
const ENCODINGS = ["gzip", "deflate", "br", ...("createZstdDecompress" in zlib ? ["zstd"] : [])].join(", ");

/**
 * The JSON body parser, with every way a client can get the body wrong answered as a 4xx that says
 * what to fix. Wrapped (not mapped later) because only here is a typeless 400 known to come from
 * decompressing the body rather than from elsewhere.
 */
export function jsonBody() {
  const parse = express.json({ limit: LIMIT, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (err?: unknown) => next(err === undefined ? undefined : bodyError(err, req.get("content-encoding"))));
  };
}

function bodyError(err: unknown, contentEncoding: string | undefined): unknown {
  const status = clientStatusOf(err);
  if (status === null || typeof err !== "object" || err === null) return err;
  const type = "type" in err ? err.type : undefined;
  switch (type) {
    case "entity.too.large":
      return new AppError(413, "payload_too_large", `The request body is too large: the limit is ${LIMIT.replace("kb", " kB")}.`, undefined, { cause: err });
    case "entity.parse.failed":
      return new AppError(400, "validation_failed", parseFailedMessage("body" in err ? err.body : undefined), undefined, { cause: err });
    case "charset.unsupported":
      return new AppError(415, "validation_failed", "Send the request body as UTF-8 JSON (Content-Type: application/json; charset=utf-8).", undefined, {
        cause: err,
      });
    case "encoding.unsupported":
      return new AppError(
        415,
        "validation_failed",
        `The request body's Content-Encoding is not supported: send it uncompressed or as one of ${ENCODINGS}.`,
        undefined,
        { cause: err },
      );
    case "request.aborted":
      return new AppError(400, "validation_failed", "The request body ended early: the connection closed before all of it arrived.", undefined, { cause: err });
    case "request.size.invalid":
      return new AppError(400, "validation_failed", "The request body's length does not match its Content-Length header.", undefined, { cause: err });
  }
  // A bare 400 out of the reader is zlib refusing the bytes (corrupt or cut off).
  const encoding = contentEncoding?.trim().toLowerCase();
  if (type === undefined && encoding !== undefined && encoding !== "identity") {
    return new AppError(
      400,
      "validation_failed",
      `The request body could not be decompressed (Content-Encoding: ${encoding}): send complete ${encoding} data, or send it uncompressed without Content-Encoding.`,
      undefined,
      { cause: err },
    );
  }
  return new AppError(status, "validation_failed", "The request body could not be read. Send it again as JSON (Content-Type: application/json).", undefined, {
    cause: err,
  });
}

function parseFailedMessage(body: unknown): string {
  const first = typeof body === "string" ? body.trimStart()[0] : undefined;
  // body-parser's strict mode refuses a top-level string, number, true/false or null the same way as broken JSON.
  if (first !== undefined && first !== "{" && first !== "[" && isJson(body)) return "The request body must be a JSON object.";
  return "The request body is not valid JSON.";
}

function isJson(text: unknown): boolean {
  if (typeof text !== "string") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The 4xx status an Express, router or body-parser error carries; null for anything else. */
export function clientStatusOf(err: unknown): number | null {
  if (typeof err !== "object" || err === null) return null;
  const status = "status" in err ? err.status : "statusCode" in err ? err.statusCode : undefined;
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status < 500 ? status : null;
}
