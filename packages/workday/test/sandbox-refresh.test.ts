import { describe, expect, it } from "vitest";
import { nextSandboxRefresh, sandboxAwareCheckAt } from "../src/sandbox-refresh";

const next = (iso: string) => nextSandboxRefresh(new Date(iso)).toISOString();
const MIN = 60_000;

describe("nextSandboxRefresh", () => {
  it("when it is earlier in the week in winter, then the refresh is this Friday 6 pm PST (02:00 UTC Saturday)", () => {
    expect(next("2026-11-25T12:00:00.000Z")).toBe("2026-11-28T02:00:00.000Z");
  });

  it("when it is a summer week, then the refresh is Friday 6 pm PDT (01:00 UTC Saturday)", () => {
    expect(next("2026-07-06T00:00:00.000Z")).toBe("2026-07-11T01:00:00.000Z");
  });

  it("when it is Friday afternoon Pacific but already Saturday in UTC, then the refresh is that same evening", () => {
    // 2026-11-28T01:00Z is Friday 5 pm PST.
    expect(next("2026-11-28T01:00:00.000Z")).toBe("2026-11-28T02:00:00.000Z");
  });

  it("when the refresh moment itself or later on Friday evening, then it is the next week's", () => {
    expect(next("2026-11-28T02:00:00.000Z")).toBe("2026-12-05T02:00:00.000Z");
    expect(next("2026-11-28T07:59:59.000Z")).toBe("2026-12-05T02:00:00.000Z");
  });

  it("when daylight saving time starts or ends between now and Friday, then the Pacific offset of that Friday is used", () => {
    // DST starts Sunday 2027-03-14: Friday 2027-03-19 is PDT.
    expect(next("2027-03-13T20:00:00.000Z")).toBe("2027-03-20T01:00:00.000Z");
    // DST ends Sunday 2026-11-01: Friday 2026-11-06 is PST.
    expect(next("2026-10-31T20:00:00.000Z")).toBe("2026-11-07T02:00:00.000Z");
  });
});

describe("sandboxAwareCheckAt", () => {
  const now = new Date("2026-11-27T12:00:00.000Z"); // Friday 4 am PST

  it("when the regular check comes after the refresh, then the check moves to 30 minutes after the refresh", () => {
    const regular = new Date(now.getTime() + 24 * 60 * MIN);
    expect(sandboxAwareCheckAt(regular, now, 30 * MIN).toISOString()).toBe("2026-11-28T02:30:00.000Z");
  });

  it("when the regular check comes first, then it stays", () => {
    const regular = new Date(now.getTime() + 15 * MIN);
    expect(sandboxAwareCheckAt(regular, now, 30 * MIN)).toEqual(regular);
  });

  it("when the refresh has just happened but the margin has not passed, then the check is still at refresh + margin", () => {
    const justAfter = new Date("2026-11-28T02:10:00.000Z");
    const regular = new Date(justAfter.getTime() + 24 * 60 * MIN);
    expect(sandboxAwareCheckAt(regular, justAfter, 30 * MIN).toISOString()).toBe("2026-11-28T02:30:00.000Z");
  });
});
