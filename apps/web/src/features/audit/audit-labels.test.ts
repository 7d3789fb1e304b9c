import { AUDIT_ACTIONS, DETAILS_FIELDS, NOTIFICATION_EVENT_LABELS } from "@wc/contracts";
import { describe, expect, it } from "vitest";
import { changeLines } from "./audit-change";
import { AUDIT_ACTION_LABELS } from "./audit-labels";

describe("audit change summary", () => {
  it("when before and after differ, then only the changed fields show, in words, added ones too", () => {
    const lines = changeLines({ role: "support", name: "Sam" }, { role: "admin", name: "Sam", sessionsEnded: 2 });
    expect(lines.map((l) => l.text)).toEqual(["Role: Support (read-only) → Admin", "Sessions ended: 2"]);
  });

  it("when a field is gone after the change, then it reads 'cleared', not '(removed)'", () => {
    expect(changeLines({ status: "connected", name: "A" }, { name: "B" }).map((l) => l.text)).toEqual(["Status: Connected → cleared", "Name: A → B"]);
  });

  it("when only the state before was recorded, then it reads 'was', as nothing was changed by it", () => {
    expect(changeLines({ status: "connected" }, null).map((l) => l.text)).toEqual(["Status: was Connected"]);
  });

  it("when values are lists, checklists or detail fields, then they read as words", () => {
    const lines = changeLines(null, {
      events: ["connector.status_changed"],
      prerequisites: { a: true, b: false, c: true },
      tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
      clientSecretHint: "abcd",
      wizardStep: "tenant_setup",
    });
    expect(lines.map((l) => l.label)).toEqual([
      "Events",
      "Prerequisites ticked",
      DETAILS_FIELDS.tokenEndpoint.label,
      `${DETAILS_FIELDS.clientSecret.label} (last characters)`,
      "Furthest step",
    ]);
    expect(lines.map((l) => l.after)).toEqual([
      NOTIFICATION_EVENT_LABELS["connector.status_changed"],
      "2 of 3",
      "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
      "abcd",
      "Tenant setup",
    ]);
  });

  it("when a value is a timestamp, then it reads in the console's one date format, with the time zone", () => {
    expect(changeLines(null, { linkId: "hl_1", expiresAt: "2026-12-07T09:05:00.000Z" }).map((l) => l.text)).toEqual([
      "Hand-off link: hl_1",
      "Expires at: 7 Dec 2026, 09:05 UTC",
    ]);
  });
});

describe("audit action labels", () => {
  it("when the BFF can write an action code (AUDIT_ACTIONS, the type its audit() takes), then it has its own label in words", () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action], action).toMatch(/^[A-Z][^._]*$/);
    expect(new Set(AUDIT_ACTIONS.map((a) => AUDIT_ACTION_LABELS[a])).size).toBe(AUDIT_ACTIONS.length);
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});
