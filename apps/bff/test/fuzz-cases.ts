import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";

/** Deterministic: the same seed gives the same requests (mulberry32). */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  /** `k` different items, in a seeded order. */
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const left = [...xs];
    return Array.from({ length: Math.min(k, left.length) }, () => left.splice(Math.floor(next() * left.length), 1)[0] as T);
  };
  return { next, pick, sample, int: (n: number) => Math.floor(next() * n) };
}

/** Path segments as sent on the wire (already percent-encoded where the raw byte is not allowed). */
export const HOSTILE_IDS = [
  "%zz",
  "%",
  "%E0%A4%A",
  "%C3%28",
  "%ED%A0%80",
  "%FF",
  "a".repeat(10_000),
  "%C3%A9".repeat(1000),
  "%00",
  "%01%1F%7F",
  "%F0%9F%92%A5",
  "%E2%80%AE",
  "%2E%2E",
  "%2F",
  "..%2F..%2Fetc",
  "__proto__",
  "constructor",
  "-1",
  "0",
  "1e400",
  "99999999999999999999999999",
  "null",
  "%20",
  "%0D%0ASet-Cookie:%20x=1",
] as const;

/** Query values as sent on the wire; kept short enough that URL + headers stay under Node's 16 kB. */
export const HOSTILE_VALUES = [
  "%zz",
  "%",
  "%E0%A4%A",
  "%00",
  "%01",
  "-1",
  "0",
  "-0",
  "1.5",
  "1e400",
  "99999999999999999999999999",
  "NaN",
  "Infinity",
  "0x10",
  "%F0%9F%92%A5",
  "%E2%80%AE",
  "x".repeat(5000),
  "",
  "true",
  "null",
  "2026-13-45T99:99:99Z",
  "..%2F..",
  "%3Cscript%3E",
] as const;

export const QUERY_KEYS = [
  "from",
  "to",
  "account",
  "task",
  "action",
  "ipAddress",
  "deviceType",
  "sessionId",
  "connectorId",
  "order",
  "page",
  "pageSize",
  "cursor",
  "format",
  "actor",
  "targetId",
  "before",
  "limit",
  "returnTo",
  "selftest",
  "state",
  "code",
  "error",
  "error_description",
  "status",
  "limit[]",
  "limit[a]",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "toString",
  "%zz",
  "",
] as const;

/** Always tried on every route, before the random ones. */
export const FIXED_QUERIES = [
  "?status=a&status=b",
  "?limit[]=1",
  "?limit[a]=1",
  "?limit=1&limit=2",
  "?pageSize=1e400",
  "?pageSize=-1",
  "?page=99999999999999999999",
  "?before=-5",
  "?format=csv&format=ndjson",
  "?format[]=csv",
  "?from=%zz",
  "?from=%00",
  "?__proto__[x]=1",
  "?constructor=1",
  "?selftest=1",
  "?selftest=1&selftest=2",
  "?state=a&state=b&code=c",
  "?returnTo=%2F%2Fevil.example",
  "?%zz=%zz",
  "?&&&=&",
] as const;

export const WRONG_VALUES: readonly unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  "",
  "x".repeat(5000),
  "\u0000",
  "\u202e💥",
  [],
  {},
  [1, 2],
  { $gt: "" },
];

export interface BodyCase {
  label: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

const JSON_CT = { "content-type": "application/json" };

export type Rng = ReturnType<typeof seeded>;

/** Every malformed envelope for a route whose valid body looks like `sample`, and some wrong values per field. */
export function bodyCases(sample: Record<string, unknown>, rng: Rng, wrongPerField: number): BodyCase[] {
  const json = JSON.stringify(sample);
  const raw = Buffer.from(json);
  const gz = gzipSync(raw);
  const first = Object.keys(sample)[0] ?? "name";
  const cases: BodyCase[] = [
    { label: "valid sample", headers: JSON_CT, body: json },
    { label: "valid sample, streamed answer asked for", headers: { ...JSON_CT, accept: "application/x-ndjson" }, body: json },
    { label: "not JSON", headers: JSON_CT, body: "not json at all" },
    { label: "cut-off JSON", headers: JSON_CT, body: json.slice(0, -1) },
    { label: "empty body", headers: JSON_CT, body: "" },
    { label: "no body, no type", headers: {} },
    { label: "text/plain", headers: { "content-type": "text/plain" }, body: json },
    {
      label: "multipart",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: `--x\r\nContent-Disposition: form-data; name="${first}"\r\n\r\nv\r\n--x--\r\n`,
    },
    { label: "form", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `${first}=v` },
    { label: "latin1 charset", headers: { "content-type": "application/json; charset=latin1" }, body: json },
    { label: "unknown charset", headers: { "content-type": "application/json; charset=klingon" }, body: json },
    ...["[]", `[${json}]`, '"text"', "42", "-1e400", "null", "true"].map((b) => ({ label: `top-level ${b.slice(0, 20)}`, headers: JSON_CT, body: b })),
    { label: "arrays nested 10,000 deep", headers: JSON_CT, body: `{"${first}":${"[".repeat(10_000)}${"]".repeat(10_000)}}` },
    { label: "objects nested 5,000 deep", headers: JSON_CT, body: `{"${first}":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}` },
    { label: "objects nested 10,000 deep (over the limit)", headers: JSON_CT, body: `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}` },
    { label: "40 kB body", headers: JSON_CT, body: JSON.stringify({ ...sample, [first]: "x".repeat(40_000) }) },
    { label: "1 MB body", headers: JSON_CT, body: Buffer.alloc(1024 * 1024, 0x20) },
    { label: "valid gzip", headers: { ...JSON_CT, "content-encoding": "gzip" }, body: gz },
    { label: "bad gzip", headers: { ...JSON_CT, "content-encoding": "gzip" }, body: raw },
    { label: "cut-off gzip", headers: { ...JSON_CT, "content-encoding": "gzip" }, body: gz.subarray(0, gz.length - 4) },
    { label: "bad deflate", headers: { ...JSON_CT, "content-encoding": "deflate" }, body: raw },
    { label: "cut-off deflate", headers: { ...JSON_CT, "content-encoding": "deflate" }, body: deflateSync(raw).subarray(0, 6) },
    { label: "bad br", headers: { ...JSON_CT, "content-encoding": "br" }, body: raw },
    { label: "cut-off br", headers: { ...JSON_CT, "content-encoding": "br" }, body: brotliCompressSync(raw).subarray(0, 5) },
    { label: "bad zstd", headers: { ...JSON_CT, "content-encoding": "zstd" }, body: raw },
    { label: "compress", headers: { ...JSON_CT, "content-encoding": "compress" }, body: raw },
    { label: "gzip of a zip bomb", headers: { ...JSON_CT, "content-encoding": "gzip" }, body: gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)) },
    { label: "duplicate key", headers: JSON_CT, body: prepend(`"${first}":12345`, json) },
    { label: "duplicate key, wrong one last", headers: JSON_CT, body: `${json.slice(0, -1)}${json === "{}" ? "" : ","}"${first}":[]}` },
    { label: "__proto__ key", headers: JSON_CT, body: prepend('"__proto__":{"role":"admin","polluted":true}', json) },
    { label: "constructor key", headers: JSON_CT, body: prepend('"constructor":{"prototype":{"polluted":true}}', json) },
    { label: "unknown field", headers: JSON_CT, body: JSON.stringify({ ...sample, unexpected: 1 }) },
  ];
  for (const key of Object.keys(sample)) {
    for (const wrong of rng.sample(WRONG_VALUES, wrongPerField)) {
      cases.push({ label: `${key} = ${JSON.stringify(wrong).slice(0, 20)}`, headers: JSON_CT, body: JSON.stringify({ ...sample, [key]: wrong }) });
    }
  }
  return cases;
}

/** `json` (an object) with one more raw `"key":value` pair in front, so keys can repeat as sent. */
const prepend = (pair: string, json: string) => (json === "{}" ? `{${pair}}` : `{${pair},${json.slice(1)}`);
