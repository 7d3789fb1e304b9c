import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiErrorBody, ErrorCode } from "@wc/contracts";

/**
 * Requests Node's HTTP parser refuses never reach Express (headers over the size limit, a
 * malformed request line or header). Node would answer a bare 400/431 without a body; the console
 * answers them in the contracts error shape, no-store, and closes the connection.
 */
export function answerClientErrors(server: Server) {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, message]: [number, string, string] =
      err.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request Header Fields Too Large", "The request headers are too large. Clear this site's cookies or send fewer or shorter headers."]
        : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "Request Timeout", "The request took too long to arrive. Send it again."]
          : [400, "Bad Request", "The request is not valid HTTP. Check the request line and headers."];
    const code: ErrorCode = status === 431 ? "payload_too_large" : "validation_failed";
    const body: ApiErrorBody = { error: { code, message } };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
