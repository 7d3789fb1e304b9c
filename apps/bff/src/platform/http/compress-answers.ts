import compression from "compression";
import type { Request, Response } from "express";

/**
 * Streams whose lines must reach the reader as they are written: the checks as each finishes, an
 * activity export page by page. A compressor holds bytes back until its block fills; these stay
 * identity (they are long-lived and line-sized, where compression would gain little anyway).
 */
const STREAMED = /^(application\/x-ndjson|text\/csv)\b/i;

function worthCompressing(req: Request, res: Response): boolean {
  const type = res.getHeader("Content-Type");
  if (typeof type === "string" && STREAMED.test(type)) return false;
  return compression.filter(req, res);
}

/**
 * Compresses answers above 1 KB (JSON lists, the OpenAPI document, /metrics, which Prometheus
 * accepts gzipped) by the request's Accept-Encoding: brotli at quality 4, or gzip. Answers already
 * encoded (the SPA's precompressed files) pass as they are.
 */
export function compressAnswers() {
  return compression({ threshold: 1024, filter: worthCompressing });
}
