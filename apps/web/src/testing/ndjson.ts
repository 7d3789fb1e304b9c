import { routes, type CheckStreamLine } from "@wc/contracts";
import { http, HttpResponse, type DefaultBodyType, type StrictRequest } from "msw";

const encoder = new TextEncoder();
const NDJSON_HEADERS = { "Content-Type": "application/x-ndjson" };

const encodeLine = (line: CheckStreamLine) => encoder.encode(`${JSON.stringify(line)}\n`);

/** A streamed answer of `POST …/checks` with all `lines` at once; `onRequest` sees each request first. */
export function checksStream(id: string, lines: CheckStreamLine[], onRequest?: (r: StrictRequest<DefaultBodyType>) => Promise<void>) {
  return http.post(routes.connectorChecks(id), async ({ request }) => {
    await onRequest?.(request);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const line of lines) controller.enqueue(encodeLine(line));
        controller.close();
      },
    });
    return new HttpResponse(body, { headers: NDJSON_HEADERS });
  });
}

/**
 * A streamed answer the test writes line by line (`send`, then `end`), to see the page update
 * while the stream is still open. Answers one request.
 */
export function liveChecksStream(id: string) {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const handler = http.post(routes.connectorChecks(id), () => new HttpResponse(readable, { headers: NDJSON_HEADERS }), { once: true });
  return {
    handler,
    send: (line: CheckStreamLine) => void writer.write(encodeLine(line)),
    end: () => void writer.close(),
  };
}

/** Raw chunks, for testing how the reader splits lines. */
export function rawStream(chunks: Uint8Array[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}
