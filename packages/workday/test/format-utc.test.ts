import { describe, expect, it } from "vitest";
import { formatUtc } from "../src";

describe("formatUtc", () => {
  it("when given an instant, then it reads '5 Dec 2026, 14:03 UTC' whatever the offset it came with", () => {
    expect(formatUtc("2026-12-05T14:03:59.900Z")).toBe("5 Dec 2026, 14:03 UTC");
    expect(formatUtc("2026-12-05T15:03:00+01:00")).toBe("5 Dec 2026, 14:03 UTC");
  });

  it("when seconds are asked for, then they follow the minutes", () => {
    expect(formatUtc("2026-09-30T23:59:07Z", { seconds: true })).toBe("30 Sep 2026, 23:59:07 UTC");
  });

  it("when the value is not a date, then it is shown as it came", () => {
    expect(formatUtc("soon")).toBe("soon");
  });
});
