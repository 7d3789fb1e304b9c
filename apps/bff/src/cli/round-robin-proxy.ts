import { createServer, request } from "node:http";

/**
 * A tiny round-robin reverse proxy for trying several console replicas locally
 * (`scripts/run-replicas`). It forwards each request to the next live upstream; an upstream that
 * refuses the connection is skipped. Not for production: use your load balancer.
 */
const [listen, ...upstreams] = process.argv.slice(2);
if (!listen || upstreams.length === 0) {
  console.error("usage: round-robin-proxy <listen port> <upstream url>…");
  process.exit(2);
}
let next = 0;

const server = createServer((req, res) => {
  // As a load balancer does: the replicas (TRUST_PROXY=loopback) learn the client's address from it.
  const prior = req.headers["x-forwarded-for"];
  const headers = { ...req.headers, "x-forwarded-for": [prior, req.socket.remoteAddress].filter(Boolean).join(", ") };
  const tryUpstream = (attempt: number) => {
    const base = new URL(upstreams[(next++ + attempt) % upstreams.length] ?? "");
    const up = request(
      { host: base.hostname, port: base.port, method: req.method, path: req.url, headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on("error", () => {
      if (attempt + 1 < upstreams.length && !res.headersSent) return tryUpstream(attempt + 1);
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("No console replica answered.\n");
    });
    req.pipe(up);
  };
  tryUpstream(0);
});
server.listen(Number(listen), () => console.log(`round-robin proxy on :${listen} → ${upstreams.join(", ")}`));
