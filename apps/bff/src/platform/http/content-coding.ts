export type Coding = "br" | "gzip";

/** The codings a file of the build may have beside it (apps/web/precompress.ts), best first, and their file suffixes. */
export const CODINGS: readonly { coding: Coding; suffix: string }[] = [
  { coding: "br", suffix: ".br" },
  { coding: "gzip", suffix: ".gz" },
];

function weights(header: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (name === "") continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);
  }
  return q;
}

/**
 * The coding to answer with, from those on hand, by the request's Accept-Encoding (RFC 9110 §12.5.3):
 * the highest q wins, q=0 refuses, `*` stands for codings not named, and on a tie the smaller
 * (brotli, then gzip) is preferred over the client's order: Chromium lists gzip before br. No
 * header, or nothing acceptable but identity, answers identity.
 */
export function chooseCoding(acceptEncoding: string | undefined, available: readonly Coding[]): Coding | "identity" {
  if (acceptEncoding === undefined) return "identity";
  const q = weights(acceptEncoding);
  const star = q.get("*");
  const weightOf = (name: string) => q.get(name) ?? star ?? (name === "identity" ? 1 : 0);
  let best: Coding | "identity" = "identity";
  let bestQ = weightOf("identity");
  for (const { coding } of CODINGS) {
    const w = weightOf(coding);
    // Ties go to the coding already chosen, and identity only wins them against nothing.
    const better = w > bestQ || (w === bestQ && best === "identity");
    if (available.includes(coding) && w > 0 && better) [best, bestQ] = [coding, w];
  }
  return best;
}
