import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  timestamp: string;
  body: string;
  /** The parsed payload, set only when the signature verified with the reference package. */
  payload: unknown;
  verified: boolean;
  status: number;
}

/**
 * A webhook receiver on loopback that verifies every request with `standardwebhooks` (the
 * specification's reference package, not the console's code) and answers what `answer` says.
 */
export async function startReceiver(answer: (n: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 })) {
  const received: Received[] = [];
  let secret: string | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = pick(req.headers);
      let payload: unknown = null;
      let verified = false;
      if (secret) {
        try {
          payload = new Webhook(secret).verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
      }
      const a = answer(received.length + 1);
      received.push({ id: headers["webhook-id"] ?? "", timestamp: headers["webhook-timestamp"] ?? "", body, payload, verified, status: a.status });
      res.writeHead(a.status, a.headers ?? {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    /** What NOTIFY_ALLOWED_HOSTS must list for the console to reach it. */
    allowEntry: `http://127.0.0.1:${port}`,
    received,
    useSecret(s: string) {
      secret = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function pick(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    const v = h[k];
    if (typeof v === "string") out[k] = v;
  }
  return out;
}
