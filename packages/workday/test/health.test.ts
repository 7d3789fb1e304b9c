import { describe, expect, it } from "vitest";
import { CHECKS, TROUBLESHOOTING, backoffDelayMs, classifyCheckResponse, nextHealth, parseRetryAfter, type CheckId } from "../src";

const env = "production" as const;
const check = (c: CheckId, httpStatus: number | null, body: unknown = {}, networkError?: "timeout" | "reset" | "other") =>
  classifyCheckResponse({ check: c, httpStatus, body, environment: env, ...(networkError ? { networkError } : {}) });

describe("classifyCheckResponse", () => {
  it.each([
    ["token", 200, { access_token: "x" }, { outcome: "pass" }],
    ["token", 400, { error: "invalid_grant" }, { outcome: "definitive", reasonCode: "refresh_invalid_grant" }],
    ["token", 401, { error: "invalid_client" }, { outcome: "definitive", reasonCode: "refresh_invalid_client" }],
    ["token", 401, null, { outcome: "definitive", reasonCode: "refresh_invalid_client" }],
    ["token", 503, { error: "invalid_grant" }, { outcome: "transient", reasonCode: "workday_unavailable" }],
    ["token", 429, null, { outcome: "transient", reasonCode: "rate_limited" }],
    ["token", 200, "<html>", { outcome: "transient", reasonCode: "malformed_response" }],
    ["workers", 200, { data: [], total: 0 }, { outcome: "pass" }],
    ["workers", 403, { error: "permission denied" }, { outcome: "definitive", reasonCode: "permission_worker_data" }],
    ["activity_logging", 403, { error: "permission denied" }, { outcome: "definitive", reasonCode: "permission_system_auditing" }],
    ["rest_api", 403, { error: "permission denied" }, { outcome: "pass" }],
    ["activity_logging", 401, {}, { outcome: "definitive", reasonCode: "access_token_rejected" }],
    ["workers", 404, { error: "Resource not found" }, { outcome: "definitive", reasonCode: "rest_endpoint_not_found" }],
    ["workers", 200, { nodata: true }, { outcome: "transient", reasonCode: "malformed_response" }],
    ["workers", 502, {}, { outcome: "transient", reasonCode: "workday_unavailable" }],
    ["workers", 408, {}, { outcome: "transient", reasonCode: "workday_timeout" }],
  ] as const)("when %s answers %s %j, then %j", (c, status, body, expected) => {
    expect(check(c, status, body)).toEqual(expected);
  });

  it("when no answer arrives, then transient: timeout or unavailable", () => {
    expect(check("token", null, null, "timeout")).toEqual({ outcome: "transient", reasonCode: "workday_timeout" });
    expect(check("workers", null, null, "reset")).toEqual({ outcome: "transient", reasonCode: "workday_unavailable" });
  });

  it("when a sandbox refresh token is rejected, then sandbox_refreshed", () => {
    expect(classifyCheckResponse({ check: "token", httpStatus: 400, body: { error: "invalid_grant" }, environment: "sandbox" })).toEqual({
      outcome: "definitive",
      reasonCode: "sandbox_refreshed",
    });
  });
});

describe("nextHealth", () => {
  const connected = { status: "connected", reasonCode: null, consecutiveTransientFailures: 0 };
  const blip = { ok: false, transient: true, reasonCode: "workday_unavailable" } as const;

  it("when transient failures stay under the threshold, then the status is kept and counted", () => {
    expect(nextHealth(connected, blip, 3)).toEqual({ ...connected, consecutiveTransientFailures: 1 });
  });

  it("when transient failures reach the threshold, then degraded with the reason", () => {
    expect(nextHealth({ ...connected, consecutiveTransientFailures: 2 }, blip, 3)).toEqual({ status: "degraded", reasonCode: "workday_unavailable", consecutiveTransientFailures: 3 });
  });

  it("when a check succeeds, then connected and the counter resets", () => {
    expect(nextHealth({ status: "degraded", reasonCode: "rate_limited", consecutiveTransientFailures: 5 }, { ok: true }, 3)).toEqual(connected);
  });

  it("when a definitive failure follows transient ones, then its catalog status at once", () => {
    const out = nextHealth({ ...connected, consecutiveTransientFailures: 2 }, { ok: false, transient: false, reasonCode: "permission_worker_data" }, 3);
    expect(out).toEqual({ status: "action_required", reasonCode: "permission_worker_data", consecutiveTransientFailures: 0 });
  });

  it.each(["disconnected", "pending_configuration", "pending_authorization"])("when the connector is %s, then health results do not move it", (status) => {
    const prev = { status, reasonCode: "x", consecutiveTransientFailures: 0 };
    expect(nextHealth(prev, { ok: true }, 3)).toBe(prev);
  });

  it("when any health code is definitive, then its catalog entry names a status", () => {
    for (const c of ["refresh_invalid_grant", "sandbox_refreshed", "refresh_invalid_client", "permission_system_auditing", "activity_logging_disabled"] as const) {
      expect(TROUBLESHOOTING[c].status).toMatch(/relink_needed|action_required/);
    }
  });
});

describe("Retry-After and backoff", () => {
  const now = new Date("2026-11-29T10:00:00Z");
  it("when Retry-After is seconds or a date, then milliseconds to wait, capped at an hour", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 10:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("99999", now)).toBe(3_600_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("when jitter is at its bounds, then the delay spans 0 to the capped exponential", () => {
    const o = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelayMs(3, { ...o, random: () => 0 })).toBe(0);
    expect(backoffDelayMs(3, { ...o, random: () => 0.999999 })).toBe(7999);
    expect(backoffDelayMs(20, { ...o, random: () => 0.999999 })).toBe(59_999);
  });

  it("when the checks are listed, then each names what it proves, in running order", () => {
    expect(CHECKS.map((c) => c.id)).toEqual(["token", "rest_api", "workers", "activity_logging"]);
    expect(CHECKS.find((c) => c.id === "activity_logging")?.prerequisites).toEqual(["system_auditing", "user_activity_logging"]);
  });
});
