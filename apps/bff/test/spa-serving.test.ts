import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBff, type Harness } from "./harness";

/** A built SPA as Vite lays it out: index.html, and content-hashed files under assets/. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-spa-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), '<!doctype html><script type="module" src="/assets/index-Ab12.js"></script>');
  writeFileSync(path.join(dir, "assets", "index-Ab12.js"), "console.log(1)");
  writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  return dir;
}

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
