import { describe, expect, it } from "vitest";
import { classifyAuthorizeError, classifyTokenError } from "../src/classify-errors";
import { isReasonCode, REASON_CODES } from "../src/reason-codes";
import { TROUBLESHOOTING } from "../src/troubleshooting";

describe("TROUBLESHOOTING", () => {
  it.each(REASON_CODES)("when the reason is %s, then its entry has a title, meaning, causes and steps", (code) => {
    const entry = TROUBLESHOOTING[code];
    expect(entry.title).not.toBe("");
    expect(entry.meaning).not.toBe("");
    expect(entry.causes.length).toBeGreaterThan(0);
    expect(entry.steps.length).toBeGreaterThan(0);
    for (const line of [...entry.causes, ...entry.steps]) expect(line.trim()).not.toBe("");
  });

  it("when the catalog is listed, then it has no entry without a reason code", () => {
    expect(Object.keys(TROUBLESHOOTING).sort()).toEqual([...REASON_CODES].sort());
  });

  it("when a fix is about one field, then the entry points at it", () => {
    expect(TROUBLESHOOTING.invalid_client.field).toBe("clientSecret");
    expect(TROUBLESHOOTING.unknown_client.field).toBe("clientId");
    expect(TROUBLESHOOTING.saml_sso_redirect.field).toBe("samlSso");
    expect(TROUBLESHOOTING.token_endpoint_malformed.field).toBe("tokenEndpoint");
  });

  it("when the entries speak of Workday tasks, then they use Workday's task names", () => {
    const text = JSON.stringify(TROUBLESHOOTING);
    for (const task of ["View API Clients", "Generate New Client Secret", "View Sign-on History", "Edit Tenant Setup – Security", "Register API Client"]) {
      expect(text).toContain(task);
    }
  });

  it("when only transient trouble is meant, then no reconnect is asked for", () => {
    expect(TROUBLESHOOTING.token_endpoint_unavailable.reconnect).toBe(false);
    expect(TROUBLESHOOTING.invalid_grant.reconnect).toBe(true);
  });

  it("when a value is checked, then only known reason codes pass", () => {
    expect(isReasonCode("invalid_grant")).toBe(true);
    expect(isReasonCode("nope")).toBe(false);
    expect(isReasonCode(1)).toBe(false);
  });
});

describe("classifyTokenError", () => {
  it.each([
    [{ status: 400, body: { error: "invalid_grant" } }, "invalid_grant"],
    [{ status: 400, body: '{"error":"invalid_grant"}' }, "invalid_grant"],
    [{ status: 401, body: { error: "invalid_client" } }, "invalid_client"],
    [{ status: 401, body: null }, "invalid_client"],
    [{ status: 401, body: "<html>Unauthorized</html>" }, "invalid_client"],
    [{ status: 400, body: { error: "invalid_client" } }, "invalid_client"],
    [{ status: 400, body: { error: "unauthorized_client" } }, "invalid_client"],
    [{ status: 500, body: null }, "token_endpoint_unavailable"],
    [{ status: 503, body: "<html>Maintenance</html>" }, "token_endpoint_unavailable"],
    [{ status: 502, body: { error: "invalid_grant" } }, "token_endpoint_unavailable"],
    [{ status: 429, body: null }, "token_endpoint_unavailable"],
    [{ status: 408, body: null }, "token_endpoint_unavailable"],
    [{ status: 400, body: { error: "temporarily_unavailable" } }, "token_endpoint_unavailable"],
    [{ status: null, body: null, networkError: "timeout" }, "token_endpoint_unavailable"],
    [{ status: null, body: null, networkError: "reset" }, "token_endpoint_unavailable"],
    [{ status: null, body: null, networkError: "other" }, "token_endpoint_unavailable"],
    [{ status: 404, body: "Not Found" }, "token_endpoint_not_found"],
    [{ status: 405, body: null }, "token_endpoint_not_found"],
    [{ status: 200, body: "<html>login</html>" }, "token_endpoint_malformed"],
    [{ status: 200, body: { token_type: "Bearer" } }, "token_endpoint_malformed"],
    [{ status: 400, body: "not json" }, "token_endpoint_malformed"],
    [{ status: 400, body: { error: "invalid_request" } }, "token_endpoint_malformed"],
    [{ status: 400, body: { error: 42 } }, "token_endpoint_malformed"],
    [{ status: 302, body: null }, "token_endpoint_malformed"],
    [{ status: null, body: null }, "token_endpoint_malformed"],
  ] as const)("when the token endpoint gives %j, then the reason is %s", (input, expected) => {
    expect(classifyTokenError(input)).toBe(expected);
  });
});

describe("classifyAuthorizeError", () => {
  it.each([
    ["access_denied", "consent_denied"],
    [" ACCESS_DENIED ", "consent_denied"],
    ["invalid_client", "unknown_client"],
    ["redirect_uri_mismatch", "redirect_uri_mismatch"],
    ["unauthorized_client", "authorize_error"],
    ["invalid_request", "authorize_error"],
    ["invalid_scope", "authorize_error"],
    ["server_error", "authorize_error"],
    ["temporarily_unavailable", "authorize_error"],
    ["", "authorize_error"],
  ])("when Workday returns error=%j, then the reason is %s", (error, expected) => {
    expect(classifyAuthorizeError(error)).toBe(expected);
  });
});
