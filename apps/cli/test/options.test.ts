import { describe, expect, it } from "vitest";
import { resolveConnection, routeUrl } from "../src/connection";
import { parseStatuses } from "../src/commands/connectors";
import { exportQuery } from "../src/commands/activity";
import { parseTimeout } from "../src/context";
import { CliError } from "../src/errors";

const TOKEN = `wct_${"a".repeat(43)}`;
const noEnv = { url: undefined, token: undefined };

/** The CliError's message, or a failure when `fn` does not throw one. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
  throw new Error("expected a CliError");
}

describe("the console address and token", () => {
  it("when neither is given, then the message names both variables (and the flags) to set", () => {
    const message = refusal(() => resolveConnection({}, noEnv));
    expect(message).toContain("set WORKDAY_CONNECT_URL (or pass --url)");
    expect(message).toContain("set WORKDAY_CONNECT_TOKEN (or pass --token");
  });

  it("when only the token is missing, then only the token is asked for", () => {
    const message = refusal(() => resolveConnection({}, { url: "https://console.example.com", token: " " }));
    expect(message).toMatch(/^No API token: set WORKDAY_CONNECT_TOKEN/);
    expect(message).not.toContain("WORKDAY_CONNECT_URL");
  });

  it("when both come from the environment, then they are used; flags win over the environment", () => {
    const env = { url: "https://console.example.com", token: TOKEN };
    expect(resolveConnection({}, env).baseUrl.href).toBe("https://console.example.com/");
    const other = `wct_${"b".repeat(43)}`;
    expect(resolveConnection({ url: "http://127.0.0.1:8080", token: other }, env)).toEqual({ baseUrl: new URL("http://127.0.0.1:8080/"), token: other });
  });

  it("when the address is not an http(s) address alone, then the message names where it came from and never echoes it", () => {
    expect(refusal(() => resolveConnection({ url: "console.example.com" }, { ...noEnv, token: TOKEN }))).toMatch(/^--url is not a web address/);
    expect(refusal(() => resolveConnection({}, { url: "ftp://console.example.com", token: TOKEN }))).toMatch(/^WORKDAY_CONNECT_URL must start with https:\/\//);
    const withPassword = refusal(() => resolveConnection({ url: "https://ada:hunter22@console.example.com" }, { ...noEnv, token: TOKEN }));
    expect(withPassword).toContain("must not carry a user name or password");
    expect(withPassword).not.toContain("hunter22");
    expect(refusal(() => resolveConnection({ url: "https://console.example.com/?x=1" }, { ...noEnv, token: TOKEN }))).toContain("without ? or #");
  });

  it("when the token is not an API token, then the message says what one looks like and does not repeat it", () => {
    const message = refusal(() => resolveConnection({ url: "https://console.example.com", token: "session-cookie-value-123" }, noEnv));
    expect(message).toMatch(/^--token does not hold an API token: tokens start with wct_/);
    expect(message).not.toContain("session-cookie-value-123");
  });

  it("when the address has a path prefix, then routes go under it; ids stay encoded", () => {
    expect(routeUrl(new URL("https://h.example/wc/"), "/api/connectors/a%2Fb", { format: "csv", from: undefined }).href).toBe(
      "https://h.example/wc/api/connectors/a%2Fb?format=csv",
    );
    expect(routeUrl(new URL("https://h.example"), "/api/connectors").href).toBe("https://h.example/api/connectors");
  });
});

describe("command options", () => {
  it("when --status names known statuses, then they are kept once each; an unknown one lists every status with its label", () => {
    expect(parseStatuses("relink_needed, degraded,relink_needed")).toEqual(["relink_needed", "degraded"]);
    const message = refusal(() => parseStatuses("broken,connected"));
    expect(message).toContain('Unknown status "broken"');
    expect(message).toContain("relink_needed (Reconnect needed)");
    expect(message).toContain("pending_configuration (Setup not finished)");
    expect(refusal(() => parseStatuses(","))).toMatch(/^--status needs a status/);
  });

  it("when export dates are valid, then they are sent as UTC instants with the format; csv is the default", () => {
    expect(exportQuery({ from: "2026-03-01T01:00:00+01:00", to: "2026-03-02T00:00:00Z", format: "ndjson" })).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-02T00:00:00.000Z",
      format: "ndjson",
    });
    expect(exportQuery({})).toEqual({ format: "csv" });
  });

  it("when an export date is malformed or --from is not before --to, then the flag is named with the console's own words", () => {
    expect(refusal(() => exportQuery({ from: "yesterday", to: "2026-03-01T00:00:00Z" }))).toBe(
      "--from: From must be an ISO 8601 date and time with a zone, e.g. 2026-03-01T00:00:00Z.",
    );
    expect(refusal(() => exportQuery({ from: "2026-03-01T00:00:00", to: "2026-03-01" }))).toContain("--to: To must be an ISO 8601");
    expect(refusal(() => exportQuery({ from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" }))).toBe("--to: From must be before To.");
  });

  it("when --timeout is given, then it is whole seconds from 1 to 3600; 60 by default", () => {
    expect(parseTimeout(undefined)).toBe(60_000);
    expect(parseTimeout("5")).toBe(5_000);
    for (const bad of ["0", "1.5", "-3", "3601", "soon"]) expect(refusal(() => parseTimeout(bad))).toMatch(/^--timeout must be/);
  });
});
