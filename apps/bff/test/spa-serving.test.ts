import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBff, type Harness } from "./harness";
import { decodedText, rawRequest, type RawAnswer } from "./raw-http";

const SCRIPT = `console.log(${JSON.stringify("a line of the app ".repeat(200))})`;
const INDEX = '<!doctype html><script type="module" src="/assets/index-Ab12.js"></script>';

/** A built SPA as Vite lays it out: index.html, and content-hashed files under assets/, each text file with its .br and .gz (apps/web/precompress.ts). */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-spa-"));
  mkdirSync(path.join(dir, "assets"));
  const withVariants = (file: string, text: string) => {
    writeFileSync(file, text);
    writeFileSync(`${file}.br`, brotliCompressSync(text));
    writeFileSync(`${file}.gz`, gzipSync(text));
  };
  withVariants(path.join(dir, "index.html"), INDEX);
  withVariants(path.join(dir, "assets", "index-Ab12.js"), SCRIPT);
  // Too small to gain from compression: the build writes no variants for it.
  writeFileSync(path.join(dir, "assets", "tiny-Cd34.js"), "console.log(1)");
  writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  return dir;
}

/** A GET with exactly these headers, the body as its bytes on the wire (fetch would decode it and add its own Accept-Encoding). */
const get = (base: string, urlPath: string, headers: Record<string, string> = {}) => rawRequest(base, "GET", urlPath, headers);
const decoded = decodedText;

const varies = (a: RawAnswer) =>
  String(a.headers.vary ?? "")
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes("accept-encoding");

describe("serving the built SPA", () => {
  let dir: string;
  let h: Harness;
  beforeAll(async () => {
    dir = fakeBuild();
    h = await startBff({ webDistDir: dir });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("when a hashed asset is fetched, then it is cached for a year as immutable", async () => {
    const res = await h.newClient().get("/assets/index-Ab12.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("when an asset of another build is fetched, then 404 JSON says to reload, not index.html", async () => {
    const res = await h.newClient().get("/assets/index-Old9.js");
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("Reload the page") } });
  });

  it("when a page route is fetched, then index.html comes back uncached, and other top-level files for an hour", async () => {
    const page = await h.newClient().get("/connectors/abc");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/assets/index-Ab12.js");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const icon = await h.newClient().get("/favicon.svg");
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("when an unknown API route is fetched, then 404 JSON, not the SPA", async () => {
    const res = await h.newClient().get("/api/nope");
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("precompressed files of the build", () => {
  let dir: string;
  let h: Harness;
  beforeAll(async () => {
    dir = fakeBuild();
    h = await startBff({ webDistDir: dir, noAccounts: true });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("when the browser accepts brotli and gzip (in Chromium's order, gzip first), then the .br file is sent as the asset's own type and cache headers", async () => {
    const identity = await get(h.url, "/assets/index-Ab12.js");
    const br = await get(h.url, "/assets/index-Ab12.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toBe(identity.headers["content-type"]);
    expect(br.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(decoded(br)).toBe(SCRIPT);
    expect(varies(br)).toBe(true);
  });

  it("when only gzip is accepted, then the .gz file is sent", async () => {
    const res = await get(h.url, "/assets/index-Ab12.js", { "accept-encoding": "gzip" });
    expect([res.status, res.headers["content-encoding"]]).toEqual([200, "gzip"]);
    expect(decoded(res)).toBe(SCRIPT);
    expect(varies(res)).toBe(true);
  });

  it("when neither is accepted, or no Accept-Encoding is sent, then the file is sent as it is, still marked as varying", async () => {
    for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "deflate" }]) {
      const res = await get(h.url, "/assets/index-Ab12.js", headers);
      expect([res.status, res.headers["content-encoding"]]).toEqual([200, undefined]);
      expect(res.body.toString()).toBe(SCRIPT);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(varies(res)).toBe(true);
    }
  });

  it("when a coding is refused with q=0, or weighted lower, then that is respected", async () => {
    const cases: [string, string | undefined][] = [
      ["br;q=0, gzip", "gzip"],
      ["br;q=0, gzip;q=0", undefined],
      ["gzip;q=1, br;q=0.5", "gzip"],
      ["*", "br"],
      ["*;q=0, identity", undefined],
      ["*, br;q=0", "gzip"],
      ["br;q=0.2, identity;q=0.5", undefined],
    ];
    const seen: [string, string | undefined][] = [];
    for (const [accept] of cases) {
      const res = await get(h.url, "/assets/index-Ab12.js", { "accept-encoding": accept });
      expect(decoded(res)).toBe(SCRIPT);
      seen.push([accept, res.headers["content-encoding"] as string | undefined]);
    }
    expect(seen).toEqual(cases);
  });

  it("when a page route is fetched with brotli accepted, then index.html comes compressed, as HTML and uncached", async () => {
    const res = await get(h.url, "/connectors/abc", { "accept-encoding": "gzip, deflate, br" });
    expect([res.status, res.headers["content-encoding"], res.headers["cache-control"]]).toEqual([200, "br", "no-store"]);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(decoded(res)).toBe(INDEX);
    expect(varies(res)).toBe(true);
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("when a file has no precompressed variant, then it is sent as it is", async () => {
    const res = await get(h.url, "/assets/tiny-Cd34.js", { "accept-encoding": "br, gzip" });
    expect([res.status, res.headers["content-encoding"], res.body.toString()]).toEqual([200, undefined, "console.log(1)"]);
    expect(varies(res)).toBe(true);
  });

  it("when a missing asset is fetched with compression accepted, then it is still the 404 JSON, and a variant cannot be reached around its file", async () => {
    const res = await get(h.url, "/assets/index-Old9.js", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(404);
    expect(JSON.parse(decoded(res))).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("Reload the page") } });
    const outside = await get(h.url, "/assets/..%2findex.html", { "accept-encoding": "br" });
    expect(outside.status).toBe(404);
  });
});
