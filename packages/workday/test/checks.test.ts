import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks";
import { PREREQUISITES, TENANT_SETUP_STEPS } from "../src/prerequisites";

const setupKeys = new Set<string>([...PREREQUISITES.map((p) => p.key), ...TENANT_SETUP_STEPS.map((s) => s.key)]);

describe("CHECKS", () => {
  it("when listed, then the four checks come in the order the BFF runs them", () => {
    expect(CHECKS.map((c) => c.id)).toEqual(["token", "rest_api", "workers", "activity_logging"]);
  });

  it("when a check is shown, then it has a title and says what it proves", () => {
    for (const c of CHECKS) {
      expect(c.title.trim()).not.toBe("");
      expect(c.proves.trim()).not.toBe("");
    }
  });

  it("when a check proves prerequisites, then each is a row of the prerequisite table or a tenant-setup switch", () => {
    for (const c of CHECKS) for (const key of c.prerequisites) expect(setupKeys.has(key), `${c.id}: ${key}`).toBe(true);
  });

  it("when a check names one prerequisite, then it is the first of the ones it proves", () => {
    for (const c of CHECKS) expect(c.prerequisite).toBe(c.prerequisites[0]);
  });

  it.each([
    ["token", ["oauth_clients_enabled"]],
    ["rest_api", []],
    ["workers", ["worker_public_reports"]],
    ["activity_logging", ["system_auditing", "user_activity_logging"]],
  ] as const)("when %s passes, then it proves %j", (id, keys) => {
    expect(CHECKS.find((c) => c.id === id)?.prerequisites).toEqual(keys);
  });
});
