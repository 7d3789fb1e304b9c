import { describe, expect, it } from "vitest";
import { isTimeZone, minutesOf, outsideHoursTest, type WorkingHours } from "../src";

const WEEKDAYS = [1, 2, 3, 4, 5];
const at = (iso: string) => Date.parse(iso);
const hours = (over: Partial<WorkingHours>): WorkingHours => ({ timeZone: "UTC", days: WEEKDAYS, start: "09:00", end: "18:00", ...over });

/** Which of the given UTC instants fall outside the working hours. */
const outsideAt = (wh: WorkingHours, isos: string[]) => {
  const outside = outsideHoursTest(wh);
  return Object.fromEntries(isos.map((iso) => [iso, outside(at(iso))]));
};

describe("minutesOf", () => {
  it.each([
    ["00:00", 0],
    ["08:30", 510],
    ["09:05", 545],
    ["23:59", 1439],
    ["24:00", 1440],
  ])("when the time is %s, then it is %i minutes after midnight", (hhmm, minutes) => {
    expect(minutesOf(hhmm)).toBe(minutes);
  });

  it.each(["", "8:00", "08:0", "0800", "08:00:00", " 08:00", "08:00 ", "08:60", "24:01", "25:00", "-1:00", "ab:cd", "08h00"])(
    "when the time is %j, then it is malformed",
    (hhmm) => {
      expect(minutesOf(hhmm)).toBeNull();
    },
  );
});

describe("isTimeZone", () => {
  it.each(["Europe/Paris", "America/New_York", "Asia/Kathmandu", "UTC"])("when the zone is %s, then it is a time zone", (tz) => {
    expect(isTimeZone(tz)).toBe(true);
  });

  it.each(["", "   ", "Europe/Atlantis", "Paris", "Not a zone"])("when the zone is %j, then it is not a time zone", (tz) => {
    expect(isTimeZone(tz)).toBe(false);
  });
});

describe("outsideHoursTest: minute edges", () => {
  it("when a row is at the start, then it is inside (start inclusive); a millisecond before, it is outside", () => {
    expect(outsideAt(hours({}), ["2026-03-02T08:59:59.999Z", "2026-03-02T09:00:00.000Z"])).toEqual({
      "2026-03-02T08:59:59.999Z": true,
      "2026-03-02T09:00:00.000Z": false,
    });
  });

  it("when a row is at the end, then it is outside (end exclusive); a millisecond before, it is inside", () => {
    expect(outsideAt(hours({}), ["2026-03-02T17:59:59.999Z", "2026-03-02T18:00:00.000Z"])).toEqual({
      "2026-03-02T17:59:59.999Z": false,
      "2026-03-02T18:00:00.000Z": true,
    });
  });

  it("when the hours are 00:00 to 24:00, then the first and last millisecond of a working day are inside and the next day (Saturday) is outside", () => {
    expect(outsideAt(hours({ start: "00:00", end: "24:00" }), ["2026-03-06T00:00:00.000Z", "2026-03-06T23:59:59.999Z", "2026-03-07T00:00:00.000Z"])).toEqual({
      "2026-03-06T00:00:00.000Z": false,
      "2026-03-06T23:59:59.999Z": false,
      "2026-03-07T00:00:00.000Z": true,
    });
  });

  it("when a row is on a weekend, then it is outside even during the working hours' times", () => {
    // 2026-03-07 is a Saturday, 2026-03-08 a Sunday.
    expect(outsideAt(hours({}), ["2026-03-06T12:00:00Z", "2026-03-07T12:00:00Z", "2026-03-08T12:00:00Z", "2026-03-09T12:00:00Z"])).toEqual({
      "2026-03-06T12:00:00Z": false,
      "2026-03-07T12:00:00Z": true,
      "2026-03-08T12:00:00Z": true,
      "2026-03-09T12:00:00Z": false,
    });
  });

  it("when the working days include the weekend, then Saturday and Sunday are working days", () => {
    const outside = outsideHoursTest(hours({ days: [6, 7] }));
    expect(outside(at("2026-03-07T12:00:00Z"))).toBe(false);
    expect(outside(at("2026-03-08T12:00:00Z"))).toBe(false);
    expect(outside(at("2026-03-09T12:00:00Z"))).toBe(true);
  });

  it("when the local day differs from the UTC day, then the local weekday decides", () => {
    // Friday 23:30 in New York is Saturday 04:30 UTC; Saturday 00:00 in New York is Saturday 05:00 UTC.
    expect(outsideAt(hours({ timeZone: "America/New_York", start: "00:00", end: "24:00" }), ["2026-03-07T04:30:00Z", "2026-03-07T05:00:00Z"])).toEqual({
      "2026-03-07T04:30:00Z": false,
      "2026-03-07T05:00:00Z": true,
    });
  });
});

describe("outsideHoursTest: daylight saving time", () => {
  const paris = hours({ timeZone: "Europe/Paris" });

  it("when Paris moves to summer time, then 09:00 and 18:00 local move an hour earlier in UTC", () => {
    expect(
      outsideAt(paris, [
        // Friday 27 March 2026, CET (UTC+1)
        "2026-03-27T07:59:00Z",
        "2026-03-27T08:00:00Z",
        "2026-03-27T16:59:00Z",
        "2026-03-27T17:00:00Z",
        // Monday 30 March 2026, CEST (UTC+2)
        "2026-03-30T06:59:00Z",
        "2026-03-30T07:00:00Z",
        "2026-03-30T15:59:00Z",
        "2026-03-30T16:00:00Z",
      ]),
    ).toEqual({
      "2026-03-27T07:59:00Z": true,
      "2026-03-27T08:00:00Z": false,
      "2026-03-27T16:59:00Z": false,
      "2026-03-27T17:00:00Z": true,
      "2026-03-30T06:59:00Z": true,
      "2026-03-30T07:00:00Z": false,
      "2026-03-30T15:59:00Z": false,
      "2026-03-30T16:00:00Z": true,
    });
  });

  it("when the clocks jump from 02:00 to 03:00 in Paris (Sunday 29 March 2026), then the minute after 01:59 is 03:00", () => {
    // Sunday 01:00–04:00 local: 00:00Z is 01:00 CET, 01:00Z is 03:00 CEST, 02:00Z is 04:00 CEST.
    expect(
      outsideAt(hours({ timeZone: "Europe/Paris", days: [7], start: "01:00", end: "04:00" }), [
        "2026-03-28T23:59:00Z",
        "2026-03-29T00:00:00Z",
        "2026-03-29T00:59:00Z",
        "2026-03-29T01:00:00Z",
        "2026-03-29T01:59:00Z",
        "2026-03-29T02:00:00Z",
      ]),
    ).toEqual({
      "2026-03-28T23:59:00Z": true,
      "2026-03-29T00:00:00Z": false,
      "2026-03-29T00:59:00Z": false,
      "2026-03-29T01:00:00Z": false,
      "2026-03-29T01:59:00Z": false,
      "2026-03-29T02:00:00Z": true,
    });
  });

  it("when the clocks go back from 03:00 to 02:00 in Paris (Sunday 25 October 2026), then both passes through 02:xx are inside 02:00–03:00", () => {
    // 00:00Z is 02:00 CEST, 01:00Z is 02:00 CET again, 02:00Z is 03:00 CET.
    expect(
      outsideAt(hours({ timeZone: "Europe/Paris", days: [7], start: "02:00", end: "03:00" }), [
        "2026-10-24T23:59:00Z",
        "2026-10-25T00:00:00Z",
        "2026-10-25T00:59:00Z",
        "2026-10-25T01:00:00Z",
        "2026-10-25T01:59:00Z",
        "2026-10-25T02:00:00Z",
      ]),
    ).toEqual({
      "2026-10-24T23:59:00Z": true,
      "2026-10-25T00:00:00Z": false,
      "2026-10-25T00:59:00Z": false,
      "2026-10-25T01:00:00Z": false,
      "2026-10-25T01:59:00Z": false,
      "2026-10-25T02:00:00Z": true,
    });
  });

  it("when New York moves to summer time (Sunday 8 March 2026), then 09:00–17:00 local moves from 14:00–22:00 to 13:00–21:00 UTC", () => {
    const ny = hours({ timeZone: "America/New_York", end: "17:00" });
    expect(
      outsideAt(ny, [
        "2026-03-06T13:59:00Z",
        "2026-03-06T14:00:00Z",
        "2026-03-06T21:59:00Z",
        "2026-03-06T22:00:00Z",
        "2026-03-09T12:59:00Z",
        "2026-03-09T13:00:00Z",
        "2026-03-09T20:59:00Z",
        "2026-03-09T21:00:00Z",
      ]),
    ).toEqual({
      "2026-03-06T13:59:00Z": true,
      "2026-03-06T14:00:00Z": false,
      "2026-03-06T21:59:00Z": false,
      "2026-03-06T22:00:00Z": true,
      "2026-03-09T12:59:00Z": true,
      "2026-03-09T13:00:00Z": false,
      "2026-03-09T20:59:00Z": false,
      "2026-03-09T21:00:00Z": true,
    });
  });

  it("when the clocks jump from 02:00 to 03:00 in New York (Sunday 8 March 2026), then 01:59 EST is followed by 03:00 EDT", () => {
    // Sunday 01:00–03:00 local: 06:00Z is 01:00 EST, 07:00Z is 03:00 EDT.
    expect(
      outsideAt(hours({ timeZone: "America/New_York", days: [7], start: "01:00", end: "03:00" }), [
        "2026-03-08T05:59:00Z",
        "2026-03-08T06:00:00Z",
        "2026-03-08T06:59:00Z",
        "2026-03-08T07:00:00Z",
      ]),
    ).toEqual({
      "2026-03-08T05:59:00Z": true,
      "2026-03-08T06:00:00Z": false,
      "2026-03-08T06:59:00Z": false,
      "2026-03-08T07:00:00Z": true,
    });
  });

  it("when the clocks go back from 02:00 to 01:00 in New York (Sunday 1 November 2026), then both passes through 01:xx are inside 01:00–02:00", () => {
    // 05:00Z is 01:00 EDT, 06:00Z is 01:00 EST again, 07:00Z is 02:00 EST.
    expect(
      outsideAt(hours({ timeZone: "America/New_York", days: [7], start: "01:00", end: "02:00" }), [
        "2026-11-01T04:59:00Z",
        "2026-11-01T05:00:00Z",
        "2026-11-01T05:59:00Z",
        "2026-11-01T06:00:00Z",
        "2026-11-01T06:59:00Z",
        "2026-11-01T07:00:00Z",
      ]),
    ).toEqual({
      "2026-11-01T04:59:00Z": true,
      "2026-11-01T05:00:00Z": false,
      "2026-11-01T05:59:00Z": false,
      "2026-11-01T06:00:00Z": false,
      "2026-11-01T06:59:00Z": false,
      "2026-11-01T07:00:00Z": true,
    });
  });
});

describe("outsideHoursTest: the quarter-hour cache", () => {
  it("when the zone is 45 minutes off the hour (Asia/Kathmandu, UTC+05:45), then 09:00 and 17:00 local are 03:15 and 11:15 UTC to the millisecond", () => {
    expect(
      outsideAt(hours({ timeZone: "Asia/Kathmandu", end: "17:00" }), [
        "2026-03-02T03:14:59.999Z",
        "2026-03-02T03:15:00.000Z",
        "2026-03-02T11:14:59.999Z",
        "2026-03-02T11:15:00.000Z",
      ]),
    ).toEqual({
      "2026-03-02T03:14:59.999Z": true,
      "2026-03-02T03:15:00.000Z": false,
      "2026-03-02T11:14:59.999Z": false,
      "2026-03-02T11:15:00.000Z": true,
    });
  });

  it("when Kathmandu's local midnight falls mid-way through a UTC hour (18:15 UTC), then the weekday changes there", () => {
    // Friday 6 March 23:59 local is 18:14Z; Saturday 00:00 local is 18:15Z.
    expect(outsideAt(hours({ timeZone: "Asia/Kathmandu", start: "00:00", end: "24:00" }), ["2026-03-06T18:14:59.999Z", "2026-03-06T18:15:00.000Z"])).toEqual({
      "2026-03-06T18:14:59.999Z": false,
      "2026-03-06T18:15:00.000Z": true,
    });
  });

  /** The local weekday (1 = Monday) and minute of an instant, asked of Intl every time, without a cache. */
  const localOf = (timeZone: string) => {
    const fmt = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    return (ms: number) => {
      const parts = fmt.formatToParts(new Date(ms));
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
      return { day: days.indexOf(get("weekday")) + 1, minute: Number(get("hour")) * 60 + Number(get("minute")) };
    };
  };

  // Edges on the quarter and half hours, so a cache of coarser buckets would misplace some minute.
  const SETTINGS = [
    { start: "01:45", end: "17:15" },
    { start: "02:15", end: "02:45" },
    { start: "00:00", end: "24:00" },
  ];

  it.each([
    ["Asia/Kathmandu", "2026-03-05T00:00:00Z"],
    ["Europe/Paris", "2026-03-28T00:00:00Z"],
    ["Europe/Paris", "2026-10-24T00:00:00Z"],
    ["America/New_York", "2026-03-07T00:00:00Z"],
    ["America/New_York", "2026-10-31T00:00:00Z"],
    ["Asia/Kolkata", "2026-03-05T00:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T00:00:00Z"],
    // Lord Howe's summer time starts at 02:00 local (UTC+10:30), which is 15:30 UTC: an hour-long cache would be wrong.
    ["Australia/Lord_Howe", "2026-10-03T00:00:00Z"],
    ["Pacific/Chatham", "2026-04-04T00:00:00Z"],
  ])(
    "when every minute (at :00 and :59.999) of three days in %s from %s is tested, then each answer is the one Intl gives without the cache",
    (timeZone, from) => {
      const days = [1, 2, 3, 4, 5, 7];
      const tests = SETTINGS.map((setting) => ({ ...setting, outside: outsideHoursTest(hours({ timeZone, days, ...setting })) }));
      const local = localOf(timeZone);
      const wrong: string[] = [];
      for (let ms = at(from); ms < at(from) + 3 * 86_400_000; ms += 60_000) {
        for (const t of [ms, ms + 59_999]) {
          const { day, minute } = local(t);
          for (const { start, end, outside } of tests) {
            const expected = !(days.includes(day) && minute >= (minutesOf(start) ?? 0) && minute < (minutesOf(end) ?? 1440));
            if (outside(t) !== expected) wrong.push(`${new Date(t).toISOString()} ${start}–${end}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
