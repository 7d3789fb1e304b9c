import { describe, expect, it } from "vitest";
import { CliError, errorText } from "../src/errors";
import { refusal, unexpected, unreachable } from "../src/http";

const base = new URL("https://console.example.com");
const call = { method: "GET" as const, route: "/api/connectors" };
const body = (error: Record<string, unknown>) => JSON.stringify({ error: { code: "x", ...error } });

describe("refusals from the console", () => {
  it("when the console answers its JSON error, then its message is what is printed", () => {
    expect(refusal(base, call, 401, body({ code: "unauthenticated", message: "This API token has been revoked." })).message).toBe(
      "This API token has been revoked.",
    );
  });

  it("when the error names fields, then each field's message follows on its own line, then the request id", () => {
    const err = refusal(
      base,
      call,
      400,
      body({
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { from: "From must be a date.", to: "To is empty." },
        requestId: "r-123",
      }),
    );
    expect(err.message.split("\n")).toEqual(["Some fields need fixing.", "  from: From must be a date.", "  to: To is empty.", "  request id: r-123"]);
  });

  it("when the answer is not the console's error shape (a proxy's page), then the message says the address may not be the console", () => {
    expect(refusal(base, call, 502, "<html>Bad gateway</html>").message).toBe(
      "The console at https://console.example.com answered GET /api/connectors with HTTP 502 and no workday-connect error: check that the address is the workday-connect console.",
    );
  });

  it("when the console redirects, then the target's origin and path are named (never its query) and nothing is followed", () => {
    const err = refusal(base, call, 301, "", "https://new.example.com/api/connectors?sig=secret");
    expect(err.message).toContain("redirected to https://new.example.com/api/connectors (HTTP 301)");
    expect(err.message).not.toContain("secret");
  });

  it("when a success does not match the contract, then the message says so with the first mismatch", () => {
    expect(unexpected(base, call, "connectors.0.status: Invalid option").message).toBe(
      "The console at https://console.example.com answered GET /api/connectors with something unexpected (connectors.0.status: Invalid option). Check that the address is the workday-connect console and that this CLI is the console's version.",
    );
  });
});

describe("unreachable consoles", () => {
  const fetchFailed = (code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });

  it("when the connection is refused, the host is unknown or the certificate is untrusted, then the address and the reason are named", () => {
    expect(unreachable(base, fetchFailed("ECONNREFUSED")).message).toBe(
      "Could not reach the console at https://console.example.com: the connection was refused (is the console running, and is that the right port?).",
    );
    expect(unreachable(base, fetchFailed("ENOTFOUND")).message).toContain(": no such host name.");
    expect(unreachable(base, fetchFailed("SELF_SIGNED_CERT_IN_CHAIN")).message).toContain("NODE_EXTRA_CA_CERTS");
    expect(unreachable(base, fetchFailed("EWHATEVER")).message).toContain(": EWHATEVER.");
  });

  it("when the console stays silent past the timeout, then the message gives the seconds waited", () => {
    expect(unreachable(base, new DOMException("aborted", "AbortError"), 5000).message).toBe(
      "Could not reach the console at https://console.example.com: no answer within 5 seconds.",
    );
  });
});

describe("printing errors", () => {
  const token = `wct_${"s".repeat(43)}`;

  it("when an error is printed, then the first line starts with error: and the detail lines follow as they are", () => {
    expect(errorText(new CliError("Some fields need fixing.\n  from: bad"), undefined)).toBe("error: Some fields need fixing.\n  from: bad\n");
  });

  it("when a message would carry the token, then the token is blanked", () => {
    const text = errorText(new CliError(`a proxy echoed Authorization: Bearer ${token}`), token);
    expect(text).not.toContain(token);
    expect(text).toContain("Bearer [token]");
  });

  it("when something unforeseen is thrown, then it is printed as an unexpected failure, token blanked and control characters defused", () => {
    expect(errorText(new Error(`boom ${token}\u001b[2J`), token)).toBe("error: unexpected failure: boom [token]\uFFFD[2J\n");
  });
});
