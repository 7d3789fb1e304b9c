import { describe, expect, it } from "vitest";
import { PREREQUISITES, TENANT_SETUP_STEPS } from "../src/prerequisites";
import { CONSENT_REASON_CODES, HEALTH_REASON_CODES, REASON_CODES } from "../src/reason-codes";
import { TROUBLESHOOTING } from "../src/troubleshooting";

const setupKeys = new Set<string>([...PREREQUISITES.map((p) => p.key), ...TENANT_SETUP_STEPS.map((s) => s.key)]);
const TRANSIENT = ["workday_unavailable", "workday_timeout", "rate_limited", "malformed_response"] as const;

describe("TROUBLESHOOTING: statuses and prerequisites", () => {
  it("when the codes are grouped, then consent and health codes together are all the codes, once each", () => {
    expect([...CONSENT_REASON_CODES, ...HEALTH_REASON_CODES]).toEqual([...REASON_CODES]);
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  });

  it.each(HEALTH_REASON_CODES)("when %s is a health code, then its entry names a status and has steps", (code) => {
    expect(TROUBLESHOOTING[code].status).not.toBeNull();
    expect(TROUBLESHOOTING[code].steps.length).toBeGreaterThan(0);
  });

  it("when a code is about a consent attempt, then it moves no status (null), except the two pre-consent statuses", () => {
    const withStatus = CONSENT_REASON_CODES.filter((c) => TROUBLESHOOTING[c].status !== null);
    expect(withStatus).toEqual(["consent_not_started", "setup_incomplete"]);
    expect(TROUBLESHOOTING.consent_not_started.status).toBe("pending_authorization");
    expect(TROUBLESHOOTING.setup_incomplete.status).toBe("pending_configuration");
  });

  it.each([
    ["refresh_invalid_grant", "relink_needed", undefined, undefined],
    ["sandbox_refreshed", "relink_needed", undefined, undefined],
    ["refresh_invalid_client", "relink_needed", undefined, "clientSecret"],
    ["access_token_rejected", "relink_needed", undefined, undefined],
    ["permission_system_auditing", "action_required", "system_auditing", undefined],
    ["permission_worker_data", "action_required", "worker_public_reports", undefined],
    ["activity_logging_disabled", "action_required", "user_activity_logging", undefined],
    ["rest_endpoint_not_found", "action_required", undefined, "restApiEndpoint"],
    ["scope_missing", "action_required", undefined, undefined],
    ["workday_unavailable", "degraded", undefined, undefined],
    ["workday_timeout", "degraded", undefined, undefined],
    ["rate_limited", "degraded", undefined, undefined],
    ["malformed_response", "degraded", undefined, undefined],
    ["disconnected_by_admin", "disconnected", undefined, undefined],
  ] as const)("when the reason is %s, then status %s, prerequisite %s, field %s", (code, status, prerequisite, field) => {
    const e = TROUBLESHOOTING[code];
    expect(e.status).toBe(status);
    expect(e.prerequisite).toBe(prerequisite);
    expect(e.field).toBe(field);
  });

  it("when an entry names a prerequisite, then it is a row of the prerequisite table or a tenant-setup switch", () => {
    for (const code of REASON_CODES) {
      const key = TROUBLESHOOTING[code].prerequisite;
      if (key !== undefined) expect(setupKeys.has(key), code).toBe(true);
    }
  });

  it.each(TRANSIENT)("when the reason is the transient %s, then no reconnect, and the steps say it retries by itself with backoff", (code) => {
    const e = TROUBLESHOOTING[code];
    expect(e.reconnect).toBe(false);
    expect(e.steps[0]).toMatch(/retries on its own/);
    expect(e.steps[0]).toMatch(/waiting longer each time/);
    expect(e.steps.join(" ")).toMatch(/If it lasts/);
  });

  it("when Workday rate-limits, then the entry says Retry-After is honoured", () => {
    expect(JSON.stringify(TROUBLESHOOTING.rate_limited)).toMatch(/Retry-After/);
  });

  it("when a definitive auth failure is meant, then a reconnect is asked for", () => {
    for (const code of ["refresh_invalid_grant", "sandbox_refreshed", "refresh_invalid_client", "access_token_rejected", "scope_missing"] as const) {
      expect(TROUBLESHOOTING[code].reconnect, code).toBe(true);
    }
  });

  it.each(["permission_system_auditing", "permission_worker_data"] as const)(
    "when the reason is %s, then the steps name the policy task and say an unactivated change is the most common cause",
    (code) => {
      const e = TROUBLESHOOTING[code];
      expect(e.steps.join(" ")).toContain("Domain Security Policies for Functional Area");
      expect(e.steps.join(" ")).toContain("Activate Pending Security Policy Changes");
      expect(e.causes[0]).toMatch(/not activated.*most common cause/);
    },
  );

  it.each([
    ["refresh_invalid_grant", ["View Sign-on History", "Manage Refresh Tokens for Integrations", "Non-Expiring Refresh Tokens"]],
    ["sandbox_refreshed", ["Fridays, 6 pm Pacific", "Register API Client"]],
    ["refresh_invalid_client", ["Generate New Client Secret", "View API Clients"]],
    ["activity_logging_disabled", ["Edit Tenant Setup – System", "Enable User Activity Logging"]],
    ["scope_missing", ["Scope (Functional Areas)", "Staffing", "System"]],
    ["disconnected_by_admin", ["API Clients for Integrations", "Manage Refresh Tokens for Integrations", "Delete", "Reconnect"]],
  ] as const)("when the reason is %s, then the entry uses Workday's words %j", (code, words) => {
    const text = JSON.stringify(TROUBLESHOOTING[code]);
    for (const w of words) expect(text).toContain(w);
  });
});
