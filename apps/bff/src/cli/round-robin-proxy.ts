import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny round-robin reverse proxy for trying several console replicas locally
 * (`scripts/run-replicas`). Each request goes to the next upstream in turn; when an upstream cannot
 * be reached, the request is resent to each other upstream once, so a dead replica costs no
 * request as long as one is alive. Not for production: use your load balancer.
 */
const [listen, ...targets] = process.argv.slice(2);
if (!listen || targets.length === 0) {
  console.error("usage: round-robin-proxy <listen port> <upstream url>…");
  process.exit(2);
}

/** Bodies are buffered so a retry can resend them; the console's own JSON limit is far below this. */
const MAX_BODY_BYTES = 1024 * 1024;
/** After a failed connection an upstream is skipped this long, then tried again by the next request. */
const DOWN_MS = 3000;
/** Errors that mean the request never reached a replica's application, so resending it is safe. */
const UNREACHABLE = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);
/** Connection-level, but the request may have been sent: retried only on a reused socket or an idempotent method. */
const RESET = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT"]);
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

interface Upstream {
  url: URL;
  downUntil: number;
}
const upstreams: Upstream[] = targets.map((t) => ({ url: new URL(t), downUntil: 0 }));
let turn = 0;

/** Every upstream once, starting at this request's turn; those marked down go last, not never. */
function attemptOrder(now: number): Upstream[] {
  const start = turn++ % upstreams.length;
  const rotated = upstreams.map((_, i) => upstreams[(start + i) % upstreams.length]).filter((u): u is Upstream => u !== undefined);
  return [...rotated.filter((u) => u.downUntil <= now), ...rotated.filter((u) => u.downUntil > now)];
}

function readBody(req: IncomingMessage): Promise<Buffer | "too_large"> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return resolve("too_large");
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        resolve("too_large");
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function forwardHeaders(req: IncomingMessage, body: Buffer): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...req.headers };
  for (const h of HOP_BY_HOP) delete headers[h];
  // As a load balancer does: the replicas (TRUST_PROXY=loopback) learn the client's address from it.
  headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
  if (body.length > 0 || req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) {
    headers["content-length"] = String(body.length);
  }
  return headers;
}

function send(req: IncomingMessage, res: ServerResponse, headers: IncomingHttpHeaders, body: Buffer, order: Upstream[]): void {
  const [target, ...rest] = order;
  if (!target) {
    res.writeHead(502, { "content-type": "text/plain" }).end("No console replica answered.\n");
    return;
  }
  const up = request({ host: target.url.hostname, port: target.url.port, method: req.method, path: req.url, headers }, (upRes) => {
    res.writeHead(upRes.statusCode ?? 502, upRes.headers);
    upRes.pipe(res);
    upRes.on("error", () => res.destroy());
  });
  up.on("error", (e: NodeJS.ErrnoException) => {
    if (res.headersSent) return void res.destroy();
    const code = e.code ?? "";
    const reset = RESET.has(code);
    // A reset on a kept-alive socket is usually the replica closing an idle connection, not dying.
    if (UNREACHABLE.has(code) || (reset && !up.reusedSocket)) target.downUntil = Date.now() + DOWN_MS;
    if (UNREACHABLE.has(code) || (reset && (up.reusedSocket || IDEMPOTENT.has(req.method ?? "")))) return send(req, res, headers, body, rest);
    const why = reset ? "The console replica dropped the request; it may or may not have been carried out." : "No console replica answered.";
    res.writeHead(502, { "content-type": "text/plain" }).end(`${why}\n`);
  });
  // A client that goes away takes its upstream request with it.
  res.on("close", () => {
    if (!res.writableFinished) up.destroy();
  });
  up.end(body);
}

const server = createServer((req, res) => {
  readBody(req).then(
    (body) => {
      if (body === "too_large") {
        res
          .writeHead(413, { "content-type": "text/plain", connection: "close" })
          .end(`Request bodies over ${MAX_BODY_BYTES} bytes are refused by this proxy.\n`);
        return;
      }
      send(req, res, forwardHeaders(req, body), body, attemptOrder(Date.now()));
    },
    () => res.destroy(),
  );
});
server.listen(Number(listen), () => {
  const { port } = server.address() as AddressInfo;
  console.log(`round-robin proxy on :${port} → ${targets.join(", ")}`);
});
