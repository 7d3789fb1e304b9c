import { describe, expect, it } from "vitest";
import { compilePolicy, POLICY_FIELDS, type PolicyCondition, type PolicyField, type PolicyLeaf, type PolicyRow, type WorkingHours } from "../src";

const row = (over: Partial<PolicyRow> = {}): PolicyRow => ({
  requestTime: "2026-03-02T10:00:00.000Z",
  systemAccount: "lmartin",
  taskId: "dc1bea8c446c11de98360015c5e6daf6",
  taskDisplayName: "View Worker",
  activityAction: "READ",
  ipAddress: "198.51.100.7",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0",
  deviceType: "Desktop",
  targetId: "64700e",
  targetDescriptor: "Logan Martin",
  ...over,
});

const fires = (condition: PolicyCondition, r: PolicyRow, outsideHours: WorkingHours | null = null) =>
  compilePolicy({ condition, threshold: null, outsideHours })(r);

/** A value of the fixture row for each field, and one that differs from it. */
const SAMPLE: Record<PolicyField, { value: string; other: string }> = {
  taskDisplayName: { value: "View Worker", other: "Home" },
  taskId: { value: "dc1bea8c446c11de98360015c5e6daf6", other: "0000" },
  activityAction: { value: "READ", other: "WRITE" },
  systemAccount: { value: "lmartin", other: "admin" },
  ipAddress: { value: "198.51.100.7", other: "203.0.113.9" },
  userAgent: { value: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0", other: "Apache-HttpClient/4.5.14 (Java/17.0.11)" },
  deviceType: { value: "Desktop", other: "Mobile" },
  targetDescriptor: { value: "Logan Martin", other: "Ada Lovelace" },
  targetId: { value: "64700e", other: "99999" },
};

const NULLABLE_FIELDS = POLICY_FIELDS.filter((f) => f !== "systemAccount");

describe("compilePolicy: one condition on each field", () => {
  it.each(POLICY_FIELDS)("when the row's %s is one of the `is` values, then it matches; when it is none of them, it does not", (field) => {
    const { value, other } = SAMPLE[field];
    expect(fires({ field, op: "is", values: [other, value] }, row())).toBe(true);
    expect(fires({ field, op: "is", values: [other] }, row())).toBe(false);
  });

  it.each(POLICY_FIELDS)("when the row's %s is one of the `is_not` values, then it does not match; when it is none of them, it does", (field) => {
    const { value, other } = SAMPLE[field];
    expect(fires({ field, op: "is_not", values: [other, value] }, row())).toBe(false);
    expect(fires({ field, op: "is_not", values: [other] }, row())).toBe(true);
  });

  it.each(POLICY_FIELDS)("when the row's %s holds one of the `contains` values, then it matches; when it holds none, it does not", (field) => {
    const { value, other } = SAMPLE[field];
    expect(fires({ field, op: "contains", values: [other, value.slice(1, -1)] }, row())).toBe(true);
    expect(fires({ field, op: "contains", values: [other] }, row())).toBe(false);
  });

  it.each(POLICY_FIELDS)("when the row's %s matches one of the `matches` patterns, then it matches; when it matches none, it does not", (field) => {
    const { value, other } = SAMPLE[field];
    expect(fires({ field, op: "matches", values: [`^${other}$`, `^${value.slice(0, 2)}.*${value.slice(-2)}$`] }, row())).toBe(true);
    expect(fires({ field, op: "matches", values: [`^${other}$`] }, row())).toBe(false);
  });

  it.each(NULLABLE_FIELDS)("when the row has no %s, then only `is_not` matches", (field) => {
    const r = row({ [field]: null });
    const { value, other } = SAMPLE[field];
    expect(fires({ field, op: "is", values: [value, other, "null", ""] }, r)).toBe(false);
    expect(fires({ field, op: "contains", values: [value, "", "null"] }, r)).toBe(false);
    expect(fires({ field, op: "matches", values: [".*", "^$", "null"] }, r)).toBe(false);
    expect(fires({ field, op: "in_ranges", values: ["0.0.0.0/0", "::/0"] }, r)).toBe(false);
    expect(fires({ field, op: "outside_ranges", values: ["192.0.2.0/24"] }, r)).toBe(false);
    expect(fires({ field, op: "is_not", values: [value, other, "null", ""] }, r)).toBe(true);
  });

  it("when a value differs from the row's only in case, then is, is_not, contains and matches ignore the case", () => {
    expect(fires({ field: "taskDisplayName", op: "is", values: ["VIEW WORKER"] }, row())).toBe(true);
    expect(fires({ field: "taskDisplayName", op: "is", values: ["view worker"] }, row({ taskDisplayName: "VIEW WORKER" }))).toBe(true);
    expect(fires({ field: "taskDisplayName", op: "is_not", values: ["view worker"] }, row())).toBe(false);
    expect(fires({ field: "userAgent", op: "contains", values: ["MOZILLA/"] }, row())).toBe(true);
    expect(fires({ field: "userAgent", op: "contains", values: ["chrome"] }, row({ userAgent: "CHROME" }))).toBe(true);
    expect(fires({ field: "systemAccount", op: "matches", values: ["^LMART"] }, row())).toBe(true);
  });

  it("when `is` is given part of the value, then it does not match (equality, not containment)", () => {
    expect(fires({ field: "taskDisplayName", op: "is", values: ["View"] }, row())).toBe(false);
    expect(fires({ field: "taskDisplayName", op: "is_not", values: ["View"] }, row())).toBe(true);
  });

  it("when a `matches` pattern is unanchored, then it matches anywhere in the value, and the same compiled test gives the same answer every time", () => {
    const test = compilePolicy({ condition: { field: "userAgent", op: "matches", values: ["chrome/\\d+"] }, threshold: null, outsideHours: null });
    expect([test(row()), test(row()), test(row())]).toEqual([true, true, true]);
  });
});

describe("compilePolicy: address ranges", () => {
  const ranges = ["192.0.2.0/24", "2001:db8::/32"];

  it("when the address is in one of the ranges, then in_ranges matches and outside_ranges does not", () => {
    for (const ipAddress of ["192.0.2.0", "192.0.2.255", "2001:db8::1", "::ffff:192.0.2.9"]) {
      expect(fires({ field: "ipAddress", op: "in_ranges", values: ranges }, row({ ipAddress }))).toBe(true);
      expect(fires({ field: "ipAddress", op: "outside_ranges", values: ranges }, row({ ipAddress }))).toBe(false);
    }
  });

  it("when the address is in none of the ranges, then outside_ranges matches and in_ranges does not", () => {
    for (const ipAddress of ["192.0.1.255", "192.0.3.0", "185.220.101.23", "2001:db9::1"]) {
      expect(fires({ field: "ipAddress", op: "in_ranges", values: ranges }, row({ ipAddress }))).toBe(false);
      expect(fires({ field: "ipAddress", op: "outside_ranges", values: ranges }, row({ ipAddress }))).toBe(true);
    }
  });

  it.each([null, "", "unknown", "192.0.2", "01.2.3.4", "192.0.2.1/24", "not an address"])(
    "when the address is %j (missing or unparsable), then neither in_ranges nor outside_ranges matches",
    (ipAddress) => {
      expect(fires({ field: "ipAddress", op: "in_ranges", values: ["0.0.0.0/0", "::/0"] }, row({ ipAddress }))).toBe(false);
      expect(fires({ field: "ipAddress", op: "outside_ranges", values: ranges }, row({ ipAddress }))).toBe(false);
    },
  );

  it("when the same unparsable address is tested twice (the parsed-address cache), then it still never matches", () => {
    const test = compilePolicy({ condition: { field: "ipAddress", op: "outside_ranges", values: ranges }, threshold: null, outsideHours: null });
    expect([test(row({ ipAddress: "garbage" })), test(row({ ipAddress: "garbage" }))]).toEqual([false, false]);
  });

  it("when an address has spaces around it, then it is read as the address", () => {
    expect(fires({ field: "ipAddress", op: "in_ranges", values: ranges }, row({ ipAddress: " 192.0.2.4 " }))).toBe(true);
  });
});

describe("compilePolicy: groups", () => {
  const isView: PolicyLeaf = { field: "taskDisplayName", op: "is", values: ["View Worker"] };
  const isRead: PolicyLeaf = { field: "activityAction", op: "is", values: ["READ"] };
  const isAdmin: PolicyLeaf = { field: "systemAccount", op: "is", values: ["admin"] };

  it("when every condition of an `all` group holds, then it matches; when one fails, it does not", () => {
    expect(fires({ all: [isView, isRead] }, row())).toBe(true);
    expect(fires({ all: [isView, isRead] }, row({ activityAction: "WRITE" }))).toBe(false);
    expect(fires({ all: [isView, isRead, isAdmin] }, row())).toBe(false);
  });

  it("when one condition of an `any` group holds, then it matches; when none holds, it does not", () => {
    expect(fires({ any: [isAdmin, isRead] }, row())).toBe(true);
    expect(fires({ any: [isAdmin, isView] }, row({ taskDisplayName: "Home" }))).toBe(false);
  });

  it("when a group has one condition, then it is that condition", () => {
    expect(fires({ all: [isView] }, row())).toBe(true);
    expect(fires({ any: [isView] }, row({ taskDisplayName: "Home" }))).toBe(false);
  });

  it("when groups nest (admin, or a READ of View Worker from outside the ranges), then AND and OR combine as written", () => {
    const condition: PolicyCondition = {
      any: [isAdmin, { all: [isView, isRead, { field: "ipAddress", op: "outside_ranges", values: ["198.51.100.0/24"] }] }],
    };
    expect(fires(condition, row({ systemAccount: "ADMIN", taskDisplayName: "Home" }))).toBe(true);
    expect(fires(condition, row({ ipAddress: "185.220.101.23" }))).toBe(true);
    expect(fires(condition, row())).toBe(false);
    expect(fires(condition, row({ ipAddress: "185.220.101.23", activityAction: "WRITE" }))).toBe(false);
  });

  it("when an `any` nests inside an `all`, then the `all` needs one of the alternatives", () => {
    const condition: PolicyCondition = { all: [isRead, { any: [isView, { field: "taskDisplayName", op: "is", values: ["View Pay Slip"] }] }] };
    expect(fires(condition, row({ taskDisplayName: "View Pay Slip" }))).toBe(true);
    expect(fires(condition, row({ taskDisplayName: "Home" }))).toBe(false);
    expect(fires(condition, row({ activityAction: "WRITE" }))).toBe(false);
  });
});

describe("compilePolicy: outside working hours", () => {
  const paris: WorkingHours = { timeZone: "Europe/Paris", days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
  const cond: PolicyCondition = { field: "taskDisplayName", op: "is", values: ["View Worker"] };

  it("when a matching row is inside the working hours, then the policy does not fire; outside them, it does", () => {
    // Monday 2 March 2026: 10:00Z is 11:00 in Paris, 17:00Z is 18:00.
    expect(fires(cond, row({ requestTime: "2026-03-02T10:00:00.000Z" }), paris)).toBe(false);
    expect(fires(cond, row({ requestTime: "2026-03-02T16:59:59.999Z" }), paris)).toBe(false);
    expect(fires(cond, row({ requestTime: "2026-03-02T17:00:00.000Z" }), paris)).toBe(true);
    expect(fires(cond, row({ requestTime: "2026-03-07T10:00:00.000Z" }), paris)).toBe(true);
  });

  it("when a row outside the working hours does not meet the condition, then the policy does not fire", () => {
    expect(fires(cond, row({ taskDisplayName: "Home", requestTime: "2026-03-07T10:00:00.000Z" }), paris)).toBe(false);
  });

  it("when the policy has no working hours, then the time of day does not matter", () => {
    expect(fires(cond, row({ requestTime: "2026-03-07T03:00:00.000Z" }))).toBe(true);
    expect(fires(cond, row({ requestTime: "2026-03-02T10:00:00.000Z" }))).toBe(true);
  });
});
