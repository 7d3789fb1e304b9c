import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Request, Response } from "express";

/** As compress-answers.ts: answers under 1 KB go as they are. */
const THRESHOLD = 1024;

/**
 * Sends a JSON answer that is sent again and again as the very same string (the connectors list's
 * kept pages, connector-list.ts), compressed once per answer and coding rather than on every
 * request: browsers always ask for brotli or gzip, and compressing a 14 KB page for each of them
 * halved the list's requests per second (bench/README.md, P3). The compressed bytes are kept with
 * the `max` answers sent last; compress-answers.ts leaves an answer already encoded as it is.
 */
export function keptCompression(max = 64) {
  const kept = new Map<string, { br?: Buffer; gzip?: Buffer }>();
  const entryFor = (json: string) => {
    let entry = kept.get(json);
    if (entry !== undefined) kept.delete(json);
    else entry = {};
    kept.set(json, entry);
    if (kept.size > max) kept.delete(kept.keys().next().value as string);
    return entry;
  };
  return (req: Request, res: Response, json: string): void => {
    res.type("application/json");
    res.vary("Accept-Encoding");
    const coding = json.length >= THRESHOLD ? preferredCoding(req.headers["accept-encoding"]) : "identity";
    if (coding !== "br" && coding !== "gzip") {
      res.send(json);
      return;
    }
    const entry = entryFor(json);
    const body = (entry[coding] ??= coding === "br" ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(json));
    res.setHeader("Content-Encoding", coding);
    res.send(body);
  };
}

/**
 * The coding to send for this Accept-Encoding, as compress-answers.ts would choose it: the highest
 * weight wins and brotli wins a tie with gzip (browsers list them at equal weight, gzip first).
 * No header, or neither accepted (`q=0`, or not named and no `*`): as it is.
 */
export function preferredCoding(header: string | undefined): "br" | "gzip" | "identity" {
  const weights = new Map<string, number>();
  for (const item of (header ?? "").split(",")) {
    const [name = "", ...params] = item.split(";").map((p) => p.trim().toLowerCase());
    if (name === "") continue;
    const q = params.map((p) => /^q=([01](?:\.\d{0,3})?)$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, Math.max(weights.get(name) ?? 0, q === undefined ? 1 : Math.min(1, Number(q))));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  const br = weight("br");
  const gzip = weight("gzip");
  if (br > 0 && br >= gzip) return "br";
  return gzip > 0 ? "gzip" : "identity";
}
