import { Agent, request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The bytes as they came on the wire (still compressed when Content-Encoding says so). */
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One request exactly as given: the path is not normalised or re-encoded (fetch would fix up %zz,
 * raw unicode and dot segments) and the body goes out as these bytes, whatever the headers claim.
 */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  // Node sends a DELETE body without Content-Length or chunking unless told its length.
  const length = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers: { ...length, ...headers }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: bytes.toString("utf8"), body: bytes });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The body as text after undoing its Content-Encoding (br or gzip). */
export function decodedText(a: RawAnswer): string {
  const coding = a.headers["content-encoding"];
  if (coding === "br") return brotliDecompressSync(a.body).toString();
  if (coding === "gzip") return gunzipSync(a.body).toString();
  return a.body.toString();
}

export const closeRawAgent = () => agent.destroy();
