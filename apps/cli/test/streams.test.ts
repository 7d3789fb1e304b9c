import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors";
import { Watchdog } from "../src/http";
import { OutputClosed, pipeBody, readLines } from "../src/streams";

const base = new URL("http://127.0.0.1:1");
const bytes = (s: string) => new TextEncoder().encode(s);

/** A body that hands out `chunks` on demand and counts how many were pulled. */
function body(chunks: string[], opts: { breakOff?: boolean } = {}) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[state.pulled];
        state.pulled++;
        if (next !== undefined) controller.enqueue(bytes(next));
        else if (opts.breakOff) controller.error(Object.assign(new Error("terminated"), { code: "UND_ERR_SOCKET" }));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("NDJSON lines", () => {
  it("when lines are split across chunks, then each complete line is handed over once, blank lines skipped, the last without a newline too", async () => {
    const { stream } = body(['{"a":', '1}\n\n{"b":2}\n{"c"', ":3}"]);
    const lines: string[] = [];
    await readLines(stream, new Watchdog(1000), base, (l) => void lines.push(l));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("when the stream breaks off, then a CliError says the answer was not complete", async () => {
    const { stream } = body(['{"a":1}\n'], { breakOff: true });
    await expect(readLines(stream, new Watchdog(1000), base, () => undefined)).rejects.toThrow(/broke off before the answer was complete/);
  });

  it("when the console stays silent longer than the timeout, then the read gives up with the seconds waited", async () => {
    const watchdog = new Watchdog(50);
    // As a fetch body does, the stream fails when the request's signal aborts.
    const silent = new ReadableStream<Uint8Array>(
      { pull: () => new Promise((_, reject) => watchdog.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))) },
      { highWaterMark: 0 },
    );
    const read = readLines(silent, watchdog, base, () => undefined);
    await expect(read).rejects.toThrow(new CliError("Could not reach the console at http://127.0.0.1:1: no answer within 0.05 seconds."));
  });
});

describe("piping an export", () => {
  it("when stdout is slow, then the next chunk is read only once it has room (memory stays flat)", async () => {
    const chunks = Array.from({ length: 20 }, (_, i) => `${"x".repeat(1000)}${i}\n`);
    const { stream, state } = body(chunks);
    const written: string[] = [];
    let maxAhead = 0;
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk.toString());
        maxAhead = Math.max(maxAhead, state.pulled - written.length);
        setTimeout(cb, 2);
      },
    });
    const bytesWritten = await pipeBody(stream, new Watchdog(1000), base, out, () => undefined);
    expect(written.join("")).toBe(chunks.join(""));
    expect(bytesWritten).toBe(chunks.join("").length);
    expect(maxAhead).toBeLessThanOrEqual(2);
  });

  it("when the first line is refused, then nothing is written", async () => {
    const { stream } = body(["not,the,header\r\n", "a,b,c\r\n"]);
    const written: string[] = [];
    const out = new Writable({ write: (c: Buffer, _e, cb) => void (written.push(c.toString()), cb()) });
    const refused = new CliError("unexpected");
    await expect(
      pipeBody(stream, new Watchdog(1000), base, out, (line) => {
        expect(line).toBe("not,the,header\r");
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(written).toEqual([]);
  });

  it("when stdout closes mid-export (| head), then the download stops with OutputClosed", async () => {
    const { stream, state } = body(Array.from({ length: 50 }, (_, i) => `row ${i}\n`));
    const out = new Writable({
      highWaterMark: 1,
      write(_c, _e, cb) {
        setTimeout(cb, 1);
      },
    });
    const piping = pipeBody(stream, new Watchdog(1000), base, out, () => undefined);
    await sleep(10);
    out.destroy();
    await expect(piping).rejects.toBeInstanceOf(OutputClosed);
    expect(state.pulled).toBeLessThan(50);
  });
});
