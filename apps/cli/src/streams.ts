import type { Writable } from "node:stream";
import { brokeOff, unreachable, type Watchdog } from "./http";

/** Where a streamed answer goes: stdout, or a test's sink. */
export type Sink = Pick<Writable, "write" | "once" | "off" | "writableNeedDrain" | "destroyed">;

/** Thrown when stdout is closed under us (`| head`): the rest of the answer is not wanted. */
export class OutputClosed extends Error {
  constructor() {
    super("stdout closed");
  }
}

async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, watchdog: Watchdog, base: URL) {
  watchdog.arm();
  try {
    return await reader.read();
  } catch (error) {
    throw watchdog.fired ? unreachable(base, error, watchdog.ms) : brokeOff(base, error);
  } finally {
    watchdog.disarm();
  }
}

/** Calls `onLine` with each non-empty line of an NDJSON body as soon as the line is complete. */
export async function readLines(body: ReadableStream<Uint8Array>, watchdog: Watchdog, base: URL, onLine: (line: string) => void | Promise<void>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await nextChunk(reader, watchdog, base);
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    // The last piece may be a line the next chunk finishes; at the end it is the last line.
    buffer = done ? "" : (lines.pop() ?? "");
    for (const line of lines) if (line.trim() !== "") await onLine(line);
    if (done) return;
  }
}

/** Resolves once `out` can take more, or rejects with OutputClosed when it never will. */
function drained(out: Sink): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      out.off("drain", done);
      out.off("error", failed);
      out.off("close", failed);
      resolve();
    };
    const failed = () => {
      out.off("drain", done);
      out.off("error", failed);
      out.off("close", failed);
      reject(new OutputClosed());
    };
    out.once("drain", done);
    out.once("error", failed);
    out.once("close", failed);
  });
}

/**
 * Copies the body to `out` chunk by chunk as it arrives, reading the next chunk only once `out` has
 * room (so a slow disk or pipe slows the download instead of filling memory). `firstLine` sees the
 * first line before any byte is written, to refuse an answer that is not what was asked for.
 */
export async function pipeBody(body: ReadableStream<Uint8Array>, watchdog: Watchdog, base: URL, out: Sink, firstLine: (line: string) => void): Promise<number> {
  const reader = body.getReader();
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let checked = false;
  let written = 0;
  const write = async (chunk: Uint8Array) => {
    if (out.destroyed) throw new OutputClosed();
    written += chunk.byteLength;
    if (!out.write(chunk)) await drained(out);
  };
  try {
    for (;;) {
      const { done, value } = await nextChunk(reader, watchdog, base);
      if (!checked) {
        if (value) {
          head.push(value);
          headBytes += value.byteLength;
        }
        const joined = Buffer.concat(head);
        const newline = joined.indexOf(0x0a);
        // The first line, once complete (or the whole body if it has no line break, or 64 kB of it).
        if (newline === -1 && !done && headBytes < 65_536) continue;
        firstLine(joined.subarray(0, newline === -1 ? joined.length : newline).toString("utf8"));
        checked = true;
        head = [];
        if (joined.byteLength > 0) await write(joined);
      } else if (value) {
        await write(value);
      }
      if (done) return written;
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}
