import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@wc/contracts";
import type { z } from "zod";
import { ApiError, failureOf, invalidResponse, readJson, send } from "./api-client";

export const NDJSON_TYPE = "application/x-ndjson";

function parseLine<S extends z.ZodType>(text: string, schema: S, status: number): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw invalidResponse(status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidResponse(status);
  return parsed.data;
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal | undefined) {
  try {
    return await reader.read();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ code: "network_error", status: 0, message: "The connection to workday-connect broke off. Try again." });
  }
}

/**
 * POSTs to `path` and reads the NDJSON answer line by line, so a page can show each result as the
 * server finishes it. Each line is parsed with its contracts `schema` before `onLine` sees it. The
 * same rules as `apiClient`: same-origin cookies, the CSRF header, and an `ApiError` (a
 * `SessionEndedError` for 401) for anything but a 2xx stream (from the BFF's JSON error body when there is one).
 */
export async function postNdjson<S extends z.ZodType>(
  path: string,
  schema: S,
  onLine: (line: z.output<S>) => void,
  signal?: AbortSignal,
  /** Extra headers (the hand-off page's credential), and whether a 401 answers them rather than ending a session. */
  options: { headers?: Record<string, string>; checksCredentials?: boolean } = {},
): Promise<void> {
  const headers = { Accept: NDJSON_TYPE, [CSRF_HEADER]: CSRF_HEADER_VALUE, ...options.headers };
  const init: RequestInit = { method: "POST", credentials: "same-origin", headers };
  if (signal) init.signal = signal;
  const response = await send(path, init);
  if (!response.ok) throw failureOf(response.status, await readJson(response), { checksCredentials: options.checksCredentials ?? false });
  if (response.body === null) throw invalidResponse(response.status);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await readChunk(reader, signal);
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    // The last piece may be a line the next chunk finishes; at the end it is the last line.
    buffer = done ? "" : (lines.pop() ?? "");
    for (const line of lines) if (line.trim() !== "") onLine(parseLine(line, schema, response.status));
    if (done) return;
  }
}
