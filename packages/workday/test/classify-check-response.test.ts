import { describe, expect, it } from "vitest";
import type { CheckId } from "../src/checks";
import { classifyCheckResponse, type CheckResponse } from "../src/classify-check-response";

const classify = (check: CheckId, httpStatus: number | null, body: unknown, extra: Partial<CheckResponse> = {}) =>
  classifyCheckResponse({ check, httpStatus, body, environment: "production", ...extra });

const pass = { outcome: "pass" };
const transient = (reasonCode: string) => ({ outcome: "transient", reasonCode });
const definitive = (reasonCode: string) => ({ outcome: "definitive", reasonCode });

describe("classifyCheckResponse: token", () => {
  it.each([
    [200, { access_token: "at", token_type: "Bearer", expires_in: 3600 }, pass],
    [200, '{"access_token":"at"}', pass],
    [200, { token_type: "Bearer" }, transient("malformed_response")],
    [200, { access_token: 42 }, transient("malformed_response")],
    [200, "<html>Sign in</html>", transient("malformed_response")],
    [200, null, transient("malformed_response")],
    [400, { error: "invalid_grant" }, definitive("refresh_invalid_grant")],
    [400, '{"error":"invalid_grant"}', definitive("refresh_invalid_grant")],
    [401, { error: "invalid_client" }, definitive("refresh_invalid_client")],
    [400, { error: "invalid_client" }, definitive("refresh_invalid_client")],
    [400, { error: "unauthorized_client" }, definitive("refresh_invalid_client")],
    [401, null, definitive("refresh_invalid_client")],
    [401, "<html>Unauthorized</html>", definitive("refresh_invalid_client")],
    [400, { error: "temporarily_unavailable" }, transient("workday_unavailable")],
    [400, { error: "invalid_request" }, transient("malformed_response")],
    [400, "not json", transient("malformed_response")],
    [404, "Not Found", transient("malformed_response")],
    [302, null, transient("malformed_response")],
    [null, null, transient("malformed_response")],
    [408, null, transient("workday_timeout")],
    [429, null, transient("rate_limited")],
    [500, null, transient("workday_unavailable")],
    [503, "<html>Maintenance</html>", transient("workday_unavailable")],
    [502, { error: "invalid_grant" }, transient("workday_unavailable")],
  ])("when the token endpoint answers %s %j, then %j", (status, body, expected) => {
    expect(classify("token", status, body)).toEqual(expected);
  });

  it("when a sandbox tenant answers invalid_grant, then sandbox_refreshed", () => {
    expect(classify("token", 400, { error: "invalid_grant" }, { environment: "sandbox" })).toEqual(definitive("sandbox_refreshed"));
  });

  it("when the environment is unknown and Workday answers invalid_grant, then refresh_invalid_grant", () => {
    expect(classify("token", 400, { error: "invalid_grant" }, { environment: null })).toEqual(definitive("refresh_invalid_grant"));
  });

  it("when a sandbox tenant answers invalid_client, then refresh_invalid_client (the secret, not the refresh)", () => {
    expect(classify("token", 401, { error: "invalid_client" }, { environment: "sandbox" })).toEqual(definitive("refresh_invalid_client"));
  });
});

describe("classifyCheckResponse: REST checks", () => {
  const forbidden = { error: "permission denied" };
  it.each([
    ["rest_api", 200, { data: [], total: 0 }, pass],
    ["workers", 200, { data: [{ id: "w1" }], total: 1 }, pass],
    ["activity_logging", 200, { data: [{ userActivityEntryCount: 3 }] }, pass],
    ["workers", 200, '{"data":[]}', pass],
    ["workers", 200, { data: "x" }, transient("malformed_response")],
    ["workers", 200, [], transient("malformed_response")],
    ["activity_logging", 200, "<html>Portal</html>", transient("malformed_response")],
    ["rest_api", 200, undefined, transient("malformed_response")],
    ["rest_api", 401, {}, definitive("access_token_rejected")],
    ["workers", 401, { error: "Invalid resource or operation" }, definitive("access_token_rejected")],
    ["activity_logging", 401, null, definitive("access_token_rejected")],
    ["rest_api", 403, forbidden, pass],
    ["workers", 403, forbidden, definitive("permission_worker_data")],
    ["activity_logging", 403, forbidden, definitive("permission_system_auditing")],
    ["workers", 403, null, definitive("permission_worker_data")],
    ["rest_api", 404, { error: "Resource not found" }, definitive("rest_endpoint_not_found")],
    ["workers", 404, "Not Found", definitive("rest_endpoint_not_found")],
    ["activity_logging", 404, null, definitive("rest_endpoint_not_found")],
    ["workers", 400, { error: "Invalid request" }, transient("malformed_response")],
    ["activity_logging", 302, null, transient("malformed_response")],
    ["rest_api", 429, null, transient("rate_limited")],
    ["workers", 408, null, transient("workday_timeout")],
    ["activity_logging", 500, null, transient("workday_unavailable")],
    ["workers", 503, forbidden, transient("workday_unavailable")],
    ["rest_api", 504, null, transient("workday_unavailable")],
  ] as const)("when %s answers %s %j, then %j", (check, status, body, expected) => {
    expect(classify(check, status, body)).toEqual(expected);
  });

  it.each([
    ["workers", { error: "The API client's scope does not include the Staffing functional area" }],
    ["activity_logging", { error: "Invalid scope" }],
    ["activity_logging", { error: "denied", errors: [{ error: "Functional area System is not in scope" }] }],
  ] as const)("when %s gets a 403 that names the scope (%j), then scope_missing", (check, body) => {
    expect(classify(check, 403, body)).toEqual(definitive("scope_missing"));
  });

  it("when a 403 merely mentions a word that contains scope, then the permission code applies", () => {
    expect(classify("workers", 403, { error: "permission denied: telescopes" })).toEqual(definitive("permission_worker_data"));
  });

  it("when the rest_api check gets a 403 naming the scope, then it still passes (reachable and authenticated)", () => {
    expect(classify("rest_api", 403, { error: "Invalid scope" })).toEqual(pass);
  });
});

describe("classifyCheckResponse: no answer", () => {
  it.each([
    ["timeout", "workday_timeout"],
    ["reset", "workday_unavailable"],
    ["other", "workday_unavailable"],
  ] as const)("when every check meets a %s, then transient %s", (networkError, reasonCode) => {
    for (const check of ["token", "rest_api", "workers", "activity_logging"] as const) {
      expect(classify(check, null, null, { networkError })).toEqual(transient(reasonCode));
    }
  });

  it("when a network error comes with a stale status, then the network error wins", () => {
    expect(classify("token", 400, { error: "invalid_grant" }, { networkError: "reset" })).toEqual(transient("workday_unavailable"));
  });
});
