import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express, NextFunction, Request, Response } from "express";
import type { ApiErrorBody, ErrorCode } from "@wc/contracts";
import type { Logger } from "pino";
import { AppError } from "../http/app-error";
import { answerClientErrors } from "../http/client-error";
import { publicRoute } from "../http/public-route";
import { compressAnswers } from "../http/compress-answers";
import type { AppMetrics } from "./metrics";

type Renderer = Pick<AppMetrics, "render" | "contentType">;

/**
 * Writes the exposition, never cached. Should rendering fail as a whole (a store failure alone
 * does not: that figure is left out), the scraper gets 503 in the console's error shape, no stack.
 */
export async function writeMetrics(m: Renderer, log: Pick<Logger, "error">, res: ServerResponse): Promise<void> {
  let text: string;
  try {
    text = await m.render();
  } catch (err) {
    log.error({ err }, "metrics: the exposition could not be rendered");
    writeError(res, 503, "unavailable", "Metrics are unavailable right now. The next scrape tries again.");
    return;
  }
  res.statusCode = 200;
  res.setHeader("Content-Type", m.contentType);
  res.setHeader("Cache-Control", "no-store");
  res.end(text);
}

function writeError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  const body: ApiErrorBody = { error: { code, message } };
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(body));
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * `Authorization: Bearer <token>` or 401 in the error shape (RFC 6750 challenge). Both sides are
 * hashed first, so the comparison is constant-time whatever the presented length. The token is
 * never logged: the request log line holds the path and status only.
 */
export function requireMetricsToken(token: string) {
  const expected = digest(token);
  return (req: Request, res: Response, next: NextFunction) => {
    const presented = /^Bearer +(\S+) *$/i.exec(req.get("authorization") ?? "")?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return next();
    res.setHeader("WWW-Authenticate", 'Bearer realm="workday-connect metrics"');
    next(new AppError(401, "unauthenticated", "Metrics need Authorization: Bearer with the METRICS_TOKEN value."));
  };
}

/** Express handler for /metrics on the main port (after requireMetricsToken). */
export function metricsRoute(m: Renderer, log: Pick<Logger, "error">) {
  return (_req: Request, res: Response) => writeMetrics(m, log, res);
}

/**
 * /metrics on the main port: with a token, GET answers the exposition to that bearer token only;
 * without one (and for any other method) it is 404, never the SPA's index.html.
 */
export function mountMetrics(app: Express, m: Renderer, token: string | null, log: Pick<Logger, "error">) {
  if (token)
    app.get(
      "/metrics",
      publicRoute("Prometheus scrape: the METRICS_TOKEN bearer token instead of a session"),
      requireMetricsToken(token),
      metricsRoute(m, log),
    );
  app.use("/metrics", (_req: Request, _res: Response, next: NextFunction) => next(new AppError(404, "not_found", "No such page.")));
}

export interface MetricsServer {
  server: Server;
  /** The bound address, e.g. http://127.0.0.1:9464/metrics. */
  url: string;
  close(): Promise<void>;
}

/**
 * The separate listener for METRICS_PORT: GET (or HEAD) /metrics and nothing else, no session,
 * no token. Bound to METRICS_HOST, loopback unless the operator says otherwise, so only this
 * machine (a Prometheus or agent beside it, or a port-forward) can scrape.
 */
export async function startMetricsServer(o: { host: string; port: number; metrics: Renderer; log: Pick<Logger, "error"> }): Promise<MetricsServer> {
  const compress = compressAnswers();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics") return writeError(res, 404, "not_found", "Only /metrics is served on this port.");
    if (req.method !== "GET" && req.method !== "HEAD") {
      return writeError(res, 405, "validation_failed", "Use GET /metrics.", { Allow: "GET, HEAD" });
    }
    // Compressed as on the main port (Prometheus asks for gzip); the middleware works on plain node:http.
    compress(req as Request, res as unknown as Response, () => void writeMetrics(o.metrics, o.log, res));
  });
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const a = server.address() as AddressInfo;
  const host = a.family === "IPv6" ? `[${a.address}]` : a.address;
  return {
    server,
    url: `http://${host}:${a.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
