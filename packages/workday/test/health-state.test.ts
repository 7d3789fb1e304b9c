import { describe, expect, it } from "vitest";
import { nextHealth, type HealthState } from "../src/health-state";
import type { UpstreamOutcome } from "../src/status-model";
import type { ReasonCode } from "../src/reason-codes";

const connected: HealthState = { status: "connected", reasonCode: null, consecutiveTransientFailures: 0 };
const outage: UpstreamOutcome = { outcome: "transient", reasonCode: "workday_unavailable" };
const definitive = (reasonCode: ReasonCode): UpstreamOutcome => ({ outcome: "definitive", reasonCode });

/** Feeds outcomes one after another, as successive health runs would. */
const run = (start: HealthState, outcomes: UpstreamOutcome[], threshold = 3) => outcomes.reduce((s, o) => nextHealth(s, o, threshold), start);

describe("nextHealth", () => {
  it("when a connected connector meets one transient failure, then it stays connected and counts it", () => {
    expect(nextHealth(connected, outage, 3)).toEqual({ status: "connected", reasonCode: null, consecutiveTransientFailures: 1 });
  });

  it("when transient failures stay below the threshold, then the status is kept", () => {
    expect(run(connected, [outage, outage])).toEqual({ status: "connected", reasonCode: null, consecutiveTransientFailures: 2 });
  });

  it("when transient failures reach the threshold, then degraded with the last reason", () => {
    const rateLimited: UpstreamOutcome = { outcome: "transient", reasonCode: "rate_limited" };
    expect(run(connected, [outage, outage, rateLimited])).toEqual({ status: "degraded", reasonCode: "rate_limited", consecutiveTransientFailures: 3 });
  });

  it("when a degraded connector keeps failing, then it stays degraded and keeps counting", () => {
    expect(run(connected, [outage, outage, outage, outage])).toEqual({
      status: "degraded",
      reasonCode: "workday_unavailable",
      consecutiveTransientFailures: 4,
    });
  });

  it("when the threshold is 1, then the first transient failure degrades", () => {
    expect(nextHealth(connected, outage, 1)).toMatchObject({ status: "degraded", consecutiveTransientFailures: 1 });
  });

  it("when a check succeeds after degradation, then connected, no reason, counter 0", () => {
    expect(run(connected, [outage, outage, outage, { outcome: "pass" }])).toEqual(connected);
  });

  it("when a check succeeds below the threshold, then the counter starts again", () => {
    expect(run(connected, [outage, outage, { outcome: "pass" }, outage, outage])).toEqual({ ...connected, consecutiveTransientFailures: 2 });
  });

  it.each([
    ["refresh_invalid_grant", "relink_needed"],
    ["sandbox_refreshed", "relink_needed"],
    ["refresh_invalid_client", "relink_needed"],
    ["access_token_rejected", "relink_needed"],
    ["permission_system_auditing", "action_required"],
    ["permission_worker_data", "action_required"],
    ["activity_logging_disabled", "action_required"],
    ["rest_endpoint_not_found", "action_required"],
    ["scope_missing", "action_required"],
  ] as const)("when a definitive %s follows transient failures, then %s at once and the counter resets", (reasonCode, status) => {
    expect(run(connected, [outage, outage, definitive(reasonCode)])).toEqual({ status, reasonCode, consecutiveTransientFailures: 0 });
  });

  it("when a degraded connector gets a definitive failure, then the catalog status replaces degraded", () => {
    expect(run(connected, [outage, outage, outage, definitive("permission_worker_data")])).toMatchObject({ status: "action_required" });
  });

  it("when a consent-only code is reported as definitive, then action_required (it has no status of its own)", () => {
    expect(nextHealth(connected, definitive("invalid_client"), 3)).toMatchObject({ status: "action_required", reasonCode: "invalid_client" });
  });

  it.each([
    ["relink_needed", "refresh_invalid_grant"],
    ["action_required", "permission_system_auditing"],
  ])("when a %s connector (%s) meets transient failures past the threshold, then it keeps its status: the admin still has to act", (status, reasonCode) => {
    const prev = { status, reasonCode, consecutiveTransientFailures: 0 };
    expect(run(prev, [outage, outage, outage, outage])).toEqual({ ...prev, consecutiveTransientFailures: 4 });
  });

  it("when an action_required connector passes, then connected", () => {
    expect(nextHealth({ status: "action_required", reasonCode: "permission_worker_data", consecutiveTransientFailures: 0 }, { outcome: "pass" }, 3)).toEqual(
      connected,
    );
  });

  it.each(["disconnected", "pending_configuration", "pending_authorization"])("when the connector is %s, then no health result moves it", (status) => {
    const prev = { status, reasonCode: "disconnected_by_admin", consecutiveTransientFailures: 2 };
    for (const outcome of [{ outcome: "pass" } as const, outage, definitive("refresh_invalid_grant")]) {
      expect(nextHealth(prev, outcome, 1)).toBe(prev);
    }
  });
});
