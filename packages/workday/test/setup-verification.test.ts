import { describe, expect, it } from "vitest";
import { verifySetup } from "../src/setup-verification";

const check = (id: string, ok: boolean, reasonCode: string | null = null, skipped = false) => ({ id, ok, skipped, reasonCode });

describe("verifySetup", () => {
  it("when every check passed, then every row a check depends on is verified", () => {
    expect(verifySetup([check("token", true), check("rest_api", true), check("workers", true), check("activity_logging", true)])).toEqual({
      oauth_clients_enabled: "verified",
      worker_public_reports: "verified",
      system_auditing: "verified",
      user_activity_logging: "verified",
    });
  });

  it("when a check failed for a missing permission, then that row failed and the check's other rows stay unproven", () => {
    const states = verifySetup([check("token", true), check("workers", true), check("activity_logging", false, "permission_system_auditing")]);
    expect(states.system_auditing).toBe("failed");
    expect(states.user_activity_logging).toBeUndefined();
    expect(states.worker_public_reports).toBe("verified");
  });

  it("when logging is off, then the logging switch failed; skipped checks and no checks prove nothing", () => {
    expect(verifySetup([check("activity_logging", false, "activity_logging_disabled")])).toEqual({ user_activity_logging: "failed" });
    expect(verifySetup([check("workers", false, null, true)])).toEqual({});
    expect(verifySetup(null)).toEqual({});
  });
});
