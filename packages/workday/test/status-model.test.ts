import { describe, expect, it } from "vitest";
import { CONNECTOR_STATUSES, failedWith, isTransient, REASON_CODES, STATUS_RULES, statusRule, TROUBLESHOOTING, type ReasonCode } from "../src";

describe("the status model", () => {
  it("when a health reason is transient, then it degrades a connector, and every degrading reason is transient", () => {
    for (const code of REASON_CODES) {
      const { status, transient } = TROUBLESHOOTING[code];
      if (status !== null) expect(transient, code).toBe(status === "degraded");
    }
  });

  it("when an outcome is built from a reason code, then its class is the one in the troubleshooting table", () => {
    const classes = new Set<string>();
    for (const code of REASON_CODES) {
      const o = failedWith(code);
      classes.add(o.outcome);
      expect(o).toEqual({ outcome: isTransient(code) ? "transient" : "definitive", reasonCode: code });
    }
    expect(classes).toEqual(new Set(["transient", "definitive"]));
  });

  it("when a status lets the sync run, then checks may run in it too; frozen statuses allow neither", () => {
    for (const status of CONNECTOR_STATUSES) {
      const r = STATUS_RULES[status];
      if (r.syncs) expect(r.checkable, status).toBe(true);
      if (r.scheduled) expect(r.checkable, status).toBe(true);
      if (r.frozen) expect([r.checkable, r.syncs, r.needsAdmin], status).toEqual([false, false, false]);
    }
  });

  it("when a stored status is unknown (a newer version wrote it), then it is treated as frozen", () => {
    expect(statusRule("paused_by_a_newer_console")).toMatchObject({ frozen: true, checkable: false, syncs: false });
    expect(statusRule("connected").syncs).toBe(true);
  });

  it("when a reason code puts a connector in a status, then that status is one of the connector statuses", () => {
    const statuses = new Set<string>(CONNECTOR_STATUSES);
    for (const code of REASON_CODES as readonly ReasonCode[]) {
      const s = TROUBLESHOOTING[code].status;
      if (s !== null) expect(statuses.has(s), code).toBe(true);
    }
  });
});
