import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../src/retry-after";

const now = new Date("2026-11-27T18:00:00Z");
const HOUR = 3_600_000;

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["1", 1000],
    ["120", 120_000],
    [" 30 ", 30_000],
    ["3600", HOUR],
    ["3601", HOUR],
    ["99999999999999999999", HOUR],
  ])("when the header is delay-seconds %j, then %i ms (at most an hour)", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([
    ["Fri, 27 Nov 2026 18:01:30 GMT", 90_000],
    ["Friday, 27-Nov-26 18:01:30 GMT", 90_000],
    ["Fri Nov 27 18:01:30 2026", 90_000],
    ["Fri Dec  4 18:00:00 2026", HOUR],
  ])("when the header is the HTTP-date %j, then the time until then, at most an hour", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each(["Fri, 27 Nov 2026 17:00:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])(
    "when the HTTP-date %j is in the past, then 0 (clamped, retry now)",
    (header) => {
      expect(parseRetryAfter(header, now)).toBe(0);
    },
  );

  it.each([
    "",
    "soon",
    "-5",
    "1.5",
    "5s",
    "0x10",
    "foo 1",
    "Fri, 27 Nov 2026 18:01:30 +0200",
    "Fri, 27 Foo 2026 18:01:30 GMT",
    "Fri, 27 Nov 2026 25:01:30 GMT",
  ])("when the header is %j, then null (unreadable: the caller uses its own backoff)", (header) => {
    expect(parseRetryAfter(header, now)).toBeNull();
  });

  it("when there is no header, then null", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
