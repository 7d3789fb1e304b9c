import { routes } from "@wc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBff, type Harness } from "./harness";
import { decodedText, rawRequest } from "./raw-http";

const METRICS_TOKEN = "m".repeat(40);

/** A GET with exactly these headers, the body as its bytes on the wire (fetch would decode it and add its own Accept-Encoding). */
const get = (base: string, urlPath: string, headers: Record<string, string> = {}) => rawRequest(base, "GET", urlPath, headers);
const decoded = decodedText;

describe("compressed JSON answers", () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startBff({ metricsToken: METRICS_TOKEN });
    token = (await h.withToken("support")).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it("when a JSON answer is over 1 KB, then it is brotli- or gzip-compressed as Accept-Encoding allows, with Vary and the security headers", async () => {
    const plain = await get(h.url, routes.openapi);
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const [accept, coding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const res = await get(h.url, routes.openapi, { "accept-encoding": accept });
      expect([res.status, res.headers["content-encoding"]]).toEqual([200, coding]);
      expect(res.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(res))).toEqual(JSON.parse(plain.body.toString()));
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("when the connectors list is asked for again and again, then each coding's bytes decode to the current list, and a new connector shows at once", async () => {
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 12; i++) expect((await h.client.post(routes.connectors, { name: `Compressed list ${i}` })).status).toBe(201);
    const plain = await get(h.url, routes.connectors, auth);
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    const list = JSON.parse(plain.body.toString()) as { connectors: { name: string }[] };
    for (const [accept, coding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["identity", undefined],
    ] as const) {
      // Twice: the second is the kept bytes.
      for (let round = 0; round < 2; round++) {
        const res = await get(h.url, routes.connectors, { ...auth, "accept-encoding": accept });
        expect([res.status, res.headers["content-encoding"]], accept).toEqual([200, coding]);
        expect(res.headers["content-type"]).toMatch(/^application\/json/);
        expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
        expect(JSON.parse(coding === undefined ? res.body.toString() : decoded(res))).toEqual(list);
      }
    }
    expect((await h.client.post(routes.connectors, { name: "Compressed list new" })).status).toBe(201);
    const after = await get(h.url, routes.connectors, { ...auth, "accept-encoding": "br" });
    expect(after.headers["content-encoding"]).toBe("br");
    expect((JSON.parse(decoded(after)) as { connectors: { name: string }[] }).connectors.map((c) => c.name)).toContain("Compressed list new");
  });

  it("when a JSON answer is small, then it is sent as it is", async () => {
    const res = await get(h.url, routes.health, { "accept-encoding": "br, gzip" });
    expect([res.status, res.headers["content-encoding"]]).toEqual([200, undefined]);
    expect(res.body.length).toBeLessThan(1024);
  });

  it("when an activity export streams (CSV or NDJSON), then it is never compressed, so each line leaves as it is written", async () => {
    for (const format of ["csv", "ndjson"]) {
      const res = await get(h.url, `${routes.activityExport}?format=${format}`, { "accept-encoding": "br, gzip", authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(format === "csv" ? /^text\/csv/ : /^application\/x-ndjson/);
      expect(res.headers["content-encoding"]).toBeUndefined();
    }
  });

  it("when Prometheus scrapes /metrics on the main port with gzip accepted, then the text comes gzipped and reads the same", async () => {
    const auth = { authorization: `Bearer ${METRICS_TOKEN}` };
    const res = await get(h.url, "/metrics", { ...auth, "accept-encoding": "gzip" });
    expect([res.status, res.headers["content-encoding"]]).toEqual([200, "gzip"]);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(decoded(res)).toContain("# TYPE workday_connect_http_requests_total counter");
  });
});
