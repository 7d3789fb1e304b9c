import { checkStreamLineSchema, CSRF_HEADER, routes, type CheckStreamLine } from "@wc/contracts";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { connected, makeCheck } from "../testing/fixtures";
import { api, recorder } from "../testing/handlers";
import { checksStream, rawStream } from "../testing/ndjson";
import { caught } from "../testing/caught";
import { server } from "../testing/server";
import { postNdjson } from "./ndjson-stream";

const PATH = routes.connectorChecks("c1");

async function collect(): Promise<CheckStreamLine[]> {
  const lines: CheckStreamLine[] = [];
  await postNdjson(PATH, checkStreamLineSchema, (line) => lines.push(line));
  return lines;
}

describe("postNdjson", () => {
  it("when it posts, then it asks for NDJSON with the CSRF header and same-origin credentials", async () => {
    const { calls, record } = recorder();
    server.use(checksStream("c1", [{ type: "done", connector: connected() }], record));
    await collect();
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.headers.get("accept")).toBe("application/x-ndjson");
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBe("1");
    expect(calls[0]?.credentials).toBe("same-origin");
  });

  it("when lines and characters are split across chunks, then each line is parsed whole and in order", async () => {
    const text = [
      JSON.stringify({ type: "check", check: makeCheck("token") }),
      JSON.stringify({ type: "check", check: makeCheck("rest_api", { ok: false, reasonCode: "workday_unavailable", detail: "503 – Zürich down" }) }),
      JSON.stringify({ type: "error", message: "Stopped." }),
    ].join("\n");
    const bytes = new TextEncoder().encode(`${text}\n\n`);
    // One byte into the two UTF-8 bytes of "ü", so a chunk ends in the middle of a character.
    const umlaut = new TextEncoder().encode(text.slice(0, text.indexOf("ü"))).length + 1;
    const chunks = [bytes.slice(0, 10), bytes.slice(10, umlaut), bytes.slice(umlaut, bytes.length - 5), bytes.slice(bytes.length - 5)];
    server.use(http.post(PATH, () => new HttpResponse(rawStream(chunks), { headers: { "Content-Type": "application/x-ndjson" } })));
    const lines = await collect();
    expect(lines.map((l) => l.type)).toEqual(["check", "check", "error"]);
    expect(lines[1]).toMatchObject({ check: { id: "rest_api", detail: "503 – Zürich down" } });
  });

  it("when the last line has no newline, then it is still read", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ type: "error", message: "No tokens." }));
    server.use(http.post(PATH, () => new HttpResponse(rawStream([bytes]))));
    expect(await collect()).toEqual([{ type: "error", message: "No tokens." }]);
  });

  it("when the BFF answers with its error shape, then an ApiError carries its code, message and request id", async () => {
    server.use(api.error("post", PATH, 409, { code: "conflict", message: "Connect the connector before running checks.", requestId: "req-5" }));
    const error = await caught(collect());
    expect(error).toMatchObject({ code: "conflict", status: 409, message: "Connect the connector before running checks.", requestId: "req-5" });
  });

  it("when a line does not match the contract, then it throws invalid_response", async () => {
    const bytes = new TextEncoder().encode(`${JSON.stringify({ type: "check", check: { id: "nope" } })}\n`);
    server.use(http.post(PATH, () => new HttpResponse(rawStream([bytes]))));
    expect((await caught(collect())).code).toBe("invalid_response");
  });
});
