import { describe, expect, it } from "vitest";
import { CONSENT_TASK_NAME, consentedByOf, consentWindow, pickConsentRow, type ConsentingAccountRecord } from "../src/consenting-account";

const connectedAt = "2026-03-01T10:00:00.000Z";
const row = (requestTime: string, systemAccount: string, taskDisplayName: string | null = CONSENT_TASK_NAME) => ({
  requestTime,
  systemAccount,
  taskDisplayName,
});
const found: ConsentingAccountRecord = { found: true, account: "isu_wdconnect", name: "Ivy Isu", at: "2026-03-01T09:59:58.000Z", source: "health_check" };
const loggingOff = [{ id: "activity_logging", reasonCode: "activity_logging_disabled" }];

describe("consentWindow", () => {
  it("when a connection is made, then its consent row is searched five minutes either side of connectedAt", () => {
    expect(consentWindow(connectedAt)).toEqual({ from: "2026-03-01T09:55:00.000Z", to: "2026-03-01T10:05:00.000Z" });
  });
});

describe("pickConsentRow", () => {
  it("when several consent rows fall in the window (two connections to one tenant), then the one closest to connectedAt is taken, whatever the order", () => {
    const rows = [
      row("2026-03-01T10:01:00.000Z", "later"),
      row("2026-03-01T09:59:58.000Z", "isu"),
      row("2026-03-01T09:56:00.000Z", "other connector"),
      row("2026-03-01T09:59:59.000Z", "x", "Home"),
    ];
    expect(pickConsentRow(rows, connectedAt)?.systemAccount).toBe("isu");
    expect(pickConsentRow([row("2026-03-01T10:00:02.000Z", "after"), row("2026-03-01T09:59:58.000Z", "before")], connectedAt)?.systemAccount).toBe("before");
  });

  it("when the only consent row is from an earlier connection, then none is taken", () => {
    expect(pickConsentRow([row("2026-03-01T09:54:59.999Z", "old")], connectedAt)).toBeNull();
  });

  it("when Workday's clock runs a few minutes ahead, then the row logged after connectedAt is still taken", () => {
    expect(pickConsentRow([row("2026-03-01T10:04:00.000Z", "isu")], connectedAt)?.systemAccount).toBe("isu");
  });

  it("when the consent row has no account or the window holds only other tasks, then none is taken", () => {
    expect(pickConsentRow([row("2026-03-01T10:00:00.000Z", ""), row("2026-03-01T10:00:00.000Z", "a", "Home")], connectedAt)).toBeNull();
  });
});

describe("consentedByOf", () => {
  it("when the account was found, then it is known, with the worker's name when there is one", () => {
    expect(consentedByOf({ connectedAt, consentingAccount: found, lastChecks: loggingOff })).toEqual({
      known: true,
      account: "isu_wdconnect",
      name: "Ivy Isu",
      at: found.at,
    });
    expect(consentedByOf({ connectedAt, consentingAccount: { ...found, name: null }, lastChecks: null })).toEqual({
      known: true,
      account: "isu_wdconnect",
      at: found.at,
    });
  });

  it("when the connector was never connected, then unknown: not_connected", () => {
    expect(consentedByOf({ connectedAt: null, consentingAccount: null, lastChecks: null })).toMatchObject({ known: false, reason: "not_connected" });
  });

  it("when nothing was found yet, then the first sync is awaited; when logging is off, then that is the reason, even after the search", () => {
    expect(consentedByOf({ connectedAt, consentingAccount: null, lastChecks: null })).toEqual({
      known: false,
      reason: "sync_pending",
      explanation: "The first activity sync has not finished yet; the account shows once it has.",
    });
    const searched: ConsentingAccountRecord = { found: false, searchedAt: connectedAt };
    expect(consentedByOf({ connectedAt, consentingAccount: searched, lastChecks: null })).toMatchObject({ reason: "not_found" });
    expect(consentedByOf({ connectedAt, consentingAccount: searched, lastChecks: loggingOff })).toEqual({
      known: false,
      reason: "logging_disabled",
      explanation: "User Activity Logging is off in Workday, so Workday did not record who consented.",
    });
  });
});
