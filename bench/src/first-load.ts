// Bench P5 (issue 16): the bytes a browser transfers for the first load of the sign-in page and,
// signed in, of App Connectors, each in a fresh browser context (empty cache) in headless Chromium
// (Debian's /usr/bin/chromium; no browser is downloaded). The console serves the built SPA (the
// package script builds it first) from its own process on a fresh SQLite file with a first admin.
// Sizes come from Chromium's own accounting (CDP Network.loadingFinished encodedDataLength: the
// bytes on the wire, headers included; Network.dataReceived: the decoded bytes). Goal: at most
// 150 KB of JavaScript on the wire for either page.
//   pnpm --filter @wc/bench first-load [--accept-encoding=gzip]
// --accept-encoding replaces the browser's own header (e.g. gzip, for a client without brotli).
import { chromium, type BrowserContext, type CDPSession } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, runTs, stop, waitForUrl } from "./processes";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ADMIN = { email: "bench@example.com", password: "bench-password-1" };
const GOAL_KB = 150;
const acceptEncoding = process.argv.find((a) => a.startsWith("--accept-encoding="))?.split("=")[1];

interface Transfer {
  url: string;
  type: string;
  encoding: string;
  wire: number;
  decoded: number;
}

/** Every response of the page's load, as Chromium counted it. */
function recordTransfers(cdp: CDPSession) {
  const byId = new Map<string, Transfer>();
  const sentEncodings = new Set<string>();
  cdp.on("Network.requestWillBeSentExtraInfo", (e) => {
    const sent = Object.entries(e.headers).find(([k]) => k.toLowerCase() === "accept-encoding")?.[1];
    if (typeof sent === "string") sentEncodings.add(sent);
  });
  cdp.on("Network.responseReceived", (e) => {
    const header = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1];
    byId.set(e.requestId, { url: e.response.url, type: e.type, encoding: typeof header === "string" ? header : "identity", wire: 0, decoded: 0 });
  });
  cdp.on("Network.dataReceived", (e) => {
    const t = byId.get(e.requestId);
    if (t) t.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const t = byId.get(e.requestId);
    if (t) t.wire = e.encodedDataLength;
  });
  return { transfers: () => [...byId.values()], sentEncodings };
}

async function firstLoad(context: BrowserContext, url: string, heading: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (acceptEncoding) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": acceptEncoding } });
  const record = recordTransfers(cdp);
  await page.goto(url, { waitUntil: "networkidle" });
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  const transfers = record.transfers();
  await page.close();
  return { transfers, sentEncodings: [...record.sentEncodings] };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (ts: Transfer[], key: "wire" | "decoded") => ts.reduce((n, t) => n + t[key], 0);

const dataDir = mkdtempSync(path.join(tmpdir(), "wc-first-load-"));
const port = await freePort();
const base = `http://localhost:${port}`;
const bff = runTs("src/server.ts", path.join(ROOT, "apps/bff"), {
  PORT: String(port),
  PUBLIC_URL: base,
  DATA_DIR: dataDir,
  WEB_DIST_DIR: path.join(ROOT, "apps/web/dist"),
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  HEALTH_SCHEDULER_TICK_SECONDS: "0",
  ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
  NOTIFY_TICK_SECONDS: "0",
  LOG_LEVEL: "warn",
});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
try {
  await waitForUrl(`${base}/api/health`, bff);
  const signedOut = await browser.newContext({ baseURL: base });
  const signInPage = await firstLoad(signedOut, "/sign-in", "Sign in to workday-connect");
  const signedIn = await browser.newContext({ baseURL: base });
  const answer = await signedIn.request.post("/api/auth/sign-in", { headers: { "x-csrf": "1", origin: base }, data: ADMIN });
  if (!answer.ok()) throw new Error(`sign-in failed: ${answer.status()} ${await answer.text()}`);
  const connectorsPage = await firstLoad(signedIn, "/connectors", "App Connectors");

  console.log(`first load in headless Chromium (${browser.version()}), Accept-Encoding sent: ${signInPage.sentEncodings.join(" | ") || "?"}`);
  console.log("| page | JS requests | JS on the wire | JS decoded | all requests | all on the wire | all decoded | codings |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  const rows: [string, Transfer[]][] = [
    ["sign-in", signInPage.transfers],
    ["App Connectors (signed in)", connectorsPage.transfers],
  ];
  let met = true;
  for (const [name, all] of rows) {
    const js = all.filter((t) => t.type === "Script");
    met &&= sum(js, "wire") <= GOAL_KB * 1024;
    const codings = [...new Set(js.map((t) => t.encoding))].join(", ");
    console.log(
      `| ${name} | ${js.length} | ${kb(sum(js, "wire"))} | ${kb(sum(js, "decoded"))} | ${all.length} | ${kb(sum(all, "wire"))} | ${kb(sum(all, "decoded"))} | ${codings} |`,
    );
  }
  console.log(`goal: ≤ ${GOAL_KB} KB of JavaScript on the wire for each page: ${met ? "met" : "NOT met"}`);
  if (process.argv.includes("--list")) for (const [name, all] of rows) for (const t of all) console.log(name, t.type, t.encoding, t.wire, t.decoded, t.url);
} finally {
  await browser.close();
  await stop(bff);
  rmSync(dataDir, { recursive: true, force: true });
}
