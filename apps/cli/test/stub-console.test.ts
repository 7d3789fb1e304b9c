import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectorSummary } from "@wc/contracts";
import { runCli } from "../src/cli";

// A stand-in HTTP server for what the real console cannot be made to do: page its connector list
// (a later issue), answer something that is not the contract, redirect, or stay silent.
let server: Server;
let base: string;
let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
const seen: { url: string; authorization: string | undefined; cookie: string | undefined }[] = [];
const TOKEN = `wct_${"t".repeat(43)}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", authorization: req.headers.authorization, cookie: req.headers.cookie });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  seen.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) => new Writable({ write: (c: Buffer, _e, cb) => void (append(c.toString()), cb()) });
  const code = await runCli(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) }, { url: base, token: TOKEN });
  return { code, stdout, stderr };
}

const summary = (id: string, status: ConnectorSummary["status"] = "connected"): ConnectorSummary => ({
  id,
  name: `Connector ${id}`,
  status,
  reasonCode: null,
  tenant: "acme",
  environment: "production",
  wizardStep: "done",
  connectedAt: null,
  lastSuccessAt: null,
  createdAt: "2026-03-01T00:00:00.000Z",
});
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("against a stand-in console", () => {
  it("when the connector list comes in pages with nextCursor, then every page is followed with ?cursor= and status sees them all", async () => {
    handler = (req, res) => {
      const cursor = new URL(req.url ?? "", base).searchParams.get("cursor");
      if (cursor === null) return json(res, 200, { connectors: [summary("a")], nextCursor: "p2" });
      if (cursor === "p2") return json(res, 200, { connectors: [summary("b")], nextCursor: "p3" });
      return json(res, 200, { connectors: [summary("c", "degraded")], nextCursor: null });
    };
    const out = await cli(["status"]);
    expect(out).toMatchObject({ code: 1, stderr: "" });
    expect(out.stdout.split("\n").filter(Boolean)).toEqual(["Connected  Connector a", "Connected  Connector b", "Degraded   Connector c"]);
    expect(seen.map((s) => s.url)).toEqual(["/api/connectors", "/api/connectors?cursor=p2", "/api/connectors?cursor=p3"]);
    const listed = await cli(["connectors", "list", "--json"]);
    expect((JSON.parse(listed.stdout) as { connectors: { id: string }[] }).connectors.map((c) => c.id)).toEqual(["a", "b", "c"]);
  });

  it("when a page cursor repeats, then the CLI stops instead of looping", async () => {
    handler = (_req, res) => json(res, 200, { connectors: [summary("a")], nextCursor: "same" });
    const out = await cli(["connectors", "list"]);
    expect(out).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "error: The console's connector list repeated a page cursor; stopped reading to avoid a loop.\n",
    });
  });

  it("when the answer does not match the contract, then the CLI says the console answered something unexpected, naming the field", async () => {
    handler = (_req, res) => json(res, 200, { connectors: [{ ...summary("a"), status: "on_fire" }] });
    const out = await cli(["connectors", "list"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^error: The console at http:\/\/127\.0\.0\.1:\d+ answered GET \/api\/connectors with something unexpected \(connectors\.0\.status: /,
    );
  });

  it("when every request goes out, then it carries the bearer token and no cookie, and the token is nowhere in the URL", async () => {
    handler = (_req, res) => json(res, 200, { connectors: [] });
    await cli(["connectors", "list"]);
    expect(seen).toEqual([{ url: "/api/connectors", authorization: `Bearer ${TOKEN}`, cookie: undefined }]);
  });

  it("when the console redirects, then the redirect is not followed (the token goes nowhere else) and the new address is named", async () => {
    handler = (_req, res) => {
      res.writeHead(308, { location: "https://elsewhere.example/api/connectors?x=1" });
      res.end();
    };
    const out = await cli(["status"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("redirected to https://elsewhere.example/api/connectors (HTTP 308)");
    expect(seen).toHaveLength(1);
  });

  it("when the console stays silent past --timeout, then the CLI gives up naming the address and the wait", async () => {
    handler = () => undefined;
    const out = await cli(["status", "--timeout", "1"]);
    expect(out).toMatchObject({ code: 2, stdout: "", stderr: `error: Could not reach the console at ${base}: no answer within 1 second.\n` });
  });

  it("when an export breaks off midway, then what arrived is written but the exit code is 2: a partial file never passes as complete", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8" });
      res.write(
        `${JSON.stringify({ id: "r1", connectorId: "a", requestTime: "2026-03-01T00:00:00.000Z", systemAccount: "ada", accountName: null, taskId: null, taskDisplayName: null, activityAction: null, ipAddress: null, userAgent: null, deviceType: null, sessionId: null, target: null })}\n`,
      );
      setTimeout(() => res.destroy(), 20);
    };
    const out = await cli(["activity", "export", "a", "--format", "ndjson"]);
    expect(out.code).toBe(2);
    expect(out.stdout).toContain('"id":"r1"');
    expect(out.stderr).toMatch(/^error: The connection to the console at .* broke off before the answer was complete/);
  });
});
