import { describe, expect, it } from "vitest";
import {
  MAX_CONDITION_DEPTH,
  MAX_PATTERN_LENGTH,
  POLICY_TEMPLATES,
  policyProblems,
  type PolicyCondition,
  type PolicyDefinition,
  type PolicyLeaf,
  type WorkingHours,
} from "../src";

const isView: PolicyLeaf = { field: "taskDisplayName", op: "is", values: ["View Worker"] };
const def = (condition: PolicyCondition, outsideHours: WorkingHours | null = null): PolicyDefinition => ({ condition, threshold: null, outsideHours });
const problemsOf = (condition: PolicyCondition, outsideHours: WorkingHours | null = null) => policyProblems(def(condition, outsideHours));
const hours = (over: Partial<WorkingHours>): WorkingHours => ({ timeZone: "Europe/Paris", days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00", ...over });
const matches = (pattern: string): PolicyLeaf => ({ field: "taskDisplayName", op: "matches", values: [pattern] });

describe("policyProblems: a sound policy", () => {
  it("when the policy is sound, then it has no problems", () => {
    expect(
      problemsOf(
        { all: [isView, { any: [{ field: "ipAddress", op: "outside_ranges", values: ["192.0.2.0/24", "2001:db8::/32"] }, matches("^isu_")] }] },
        hours({}),
      ),
    ).toEqual([]);
  });

  it.each(POLICY_TEMPLATES.map((t) => [t.id, t] as const))("when the template %s is used as it is, then it has no problems", (_id, template) => {
    expect(policyProblems(template.definition)).toEqual([]);
  });
});

describe("policyProblems: values", () => {
  it("when a condition has no values, then the problem is on its values", () => {
    expect(problemsOf({ field: "taskDisplayName", op: "is", values: [] })).toEqual([
      { path: ["condition", "values"], message: "Add at least one value: an empty list can never match." },
    ]);
  });

  it("when a value is empty or blank, then the problem is on that value", () => {
    expect(problemsOf({ all: [isView, { field: "systemAccount", op: "contains", values: ["isu", " ", ""] }] })).toEqual([
      { path: ["condition", "all", 1, "values", 1], message: "Remove the empty value: it can never match." },
      { path: ["condition", "all", 1, "values", 2], message: "Remove the empty value: it can never match." },
    ]);
  });

  it.each(["in_ranges", "outside_ranges"] as const)("when %s tests a field other than the IP address, then the problem is on the op", (op) => {
    expect(problemsOf({ any: [isView, { field: "userAgent", op, values: ["192.0.2.0/24"] }] })).toEqual([
      { path: ["condition", "any", 1, "op"], message: "Only the IP address can be tested against ranges; choose is, is not, contains or matches." },
    ]);
  });

  it("when a range is not a CIDR range, then each bad one is named on the values", () => {
    expect(problemsOf({ field: "ipAddress", op: "in_ranges", values: ["192.0.2.0/24", "192.0.2.0/33", "a/b/c"] })).toEqual([
      { path: ["condition", "values"], message: "“192.0.2.0/33” is not an IP range; write it like 192.0.2.0/24, 2001:db8::/32 or a single address." },
      { path: ["condition", "values"], message: "“a/b/c” is not an IP range; write it like 192.0.2.0/24, 2001:db8::/32 or a single address." },
    ]);
  });

  it("when a range is a single address or IPv6, then it is accepted", () => {
    expect(problemsOf({ field: "ipAddress", op: "outside_ranges", values: ["203.0.113.7", "2001:db8::/32", "::ffff:192.0.2.1"] })).toEqual([]);
  });
});

describe("policyProblems: patterns", () => {
  it("when a pattern is not a valid regular expression, then the problem names it and says why", () => {
    const [problem, ...rest] = problemsOf(matches("View (Worker"));
    expect(rest).toEqual([]);
    expect(problem?.path).toEqual(["condition", "values"]);
    expect(problem?.message).toMatch(/^“View \(Worker” is not a valid pattern: .*Unterminated group\.$/);
    expect(problem?.message).not.toContain("Invalid regular expression");
  });

  it.each(["(a+)+$", "(\\w*)*", "(x{2,})+", "(a+b)+", "(?:a+)+", "(a*){2,}", "([a-z]+)*", "((a+))+$", "(?:(a+))+", "((a+)|b)+", "((ab)+c)*"])(
    "when a pattern repeats a repeated group (%s), then it is refused as too slow to test",
    (pattern) => {
      expect(problemsOf(matches(pattern))).toEqual([
        {
          path: ["condition", "values"],
          message: `“${pattern}” repeats a repeated group, which can take very long to test; simplify it (e.g. (ab)+ instead of (a+b)+).`,
        },
      ]);
    },
  );

  it.each(["(ab)+", "^(isu|integration)[_-]", "(a+)?", "(a+)b+", "\\(a+\\)+", "([+*])+", "[(a+)]+", "a+b*", "(View|Find) Workers?"])(
    "when a pattern's repeated group holds no repetition (%s), then it is accepted",
    (pattern) => {
      expect(problemsOf(matches(pattern))).toEqual([]);
    },
  );

  it("when a pattern is longer than the limit, then it is refused; at the limit, it is accepted", () => {
    expect(MAX_PATTERN_LENGTH).toBe(200);
    expect(problemsOf(matches("a".repeat(MAX_PATTERN_LENGTH)))).toEqual([]);
    expect(problemsOf(matches("a".repeat(MAX_PATTERN_LENGTH + 1)))).toEqual([
      { path: ["condition", "values"], message: "Use a pattern of at most 200 characters." },
    ]);
  });

  it("when `contains` or `is` hold characters special in patterns, then they are plain text, not checked as patterns", () => {
    expect(
      problemsOf({
        any: [
          { field: "userAgent", op: "contains", values: ["(a+)+$", "View (Worker"] },
          { field: "taskDisplayName", op: "is", values: ["["] },
        ],
      }),
    ).toEqual([]);
  });
});

describe("policyProblems: groups", () => {
  it("when a group is empty, then the problem is on the group, at any depth", () => {
    expect(problemsOf({ all: [] })).toEqual([
      { path: ["condition", "all"], message: "Add at least one condition to the group: an empty group can never match." },
    ]);
    expect(problemsOf({ all: [isView, { any: [] }] })).toEqual([
      { path: ["condition", "all", 1, "any"], message: "Add at least one condition to the group: an empty group can never match." },
    ]);
  });

  it("when an `all` group has two `is` lists on one field with nothing in common, then the second is a contradiction", () => {
    expect(
      problemsOf({
        all: [isView, { field: "activityAction", op: "is", values: ["READ"] }, { field: "taskDisplayName", op: "is", values: ["Home", "My Tasks"] }],
      }),
    ).toEqual([
      {
        path: ["condition", "all", 2, "values"],
        message: "Condition 1 already requires taskDisplayName to be one of view worker; with “and”, both can never hold. Use “or”, or one list.",
      },
    ]);
  });

  it("when the two `is` lists share a value (in any case), then there is no contradiction", () => {
    expect(problemsOf({ all: [isView, { field: "taskDisplayName", op: "is", values: ["Home", "VIEW WORKER"] }] })).toEqual([]);
  });

  it("when the two `is` lists with nothing in common are in an `any` group, then there is no contradiction", () => {
    expect(problemsOf({ any: [isView, { field: "taskDisplayName", op: "is", values: ["Home"] }] })).toEqual([]);
  });

  it("when the lists are on different fields, or one is not `is`, then there is no contradiction", () => {
    expect(
      problemsOf({
        all: [isView, { field: "targetDescriptor", op: "is", values: ["Home"] }, { field: "taskDisplayName", op: "contains", values: ["Home"] }],
      }),
    ).toEqual([]);
  });

  it(`when conditions nest ${MAX_CONDITION_DEPTH} levels deep, then they are accepted; one level more is refused where it starts`, () => {
    const nest = (levels: number): PolicyCondition => (levels === 1 ? isView : { all: [nest(levels - 1)] });
    expect(problemsOf(nest(MAX_CONDITION_DEPTH))).toEqual([]);
    expect(problemsOf(nest(MAX_CONDITION_DEPTH + 1))).toEqual([
      { path: ["condition", "all", 0, "all", 0, "all", 0, "all", 0], message: "Nest groups at most 4 levels deep." },
    ]);
  });
});

describe("policyProblems: working hours", () => {
  it("when the time zone is unknown or empty, then the problem is on the time zone", () => {
    expect(problemsOf(isView, hours({ timeZone: "Europe/Atlantis" }))).toEqual([
      { path: ["outsideHours", "timeZone"], message: "“Europe/Atlantis” is not a time zone; use a name like Europe/Paris or America/New_York." },
    ]);
    expect(problemsOf(isView, hours({ timeZone: "" }))).toEqual([
      { path: ["outsideHours", "timeZone"], message: "“” is not a time zone; use a name like Europe/Paris or America/New_York." },
    ]);
  });

  it("when the start or end is not HH:MM, then each is named", () => {
    expect(problemsOf(isView, hours({ start: "8:00", end: "6pm" }))).toEqual([
      { path: ["outsideHours", "start"], message: "Write the start as HH:MM, e.g. 08:00." },
      { path: ["outsideHours", "end"], message: "Write the end as HH:MM, e.g. 18:00 (24:00 for midnight)." },
    ]);
  });

  it.each([
    ["18:00", "08:00"],
    ["09:00", "09:00"],
    ["00:00", "00:00"],
  ])("when the end (%s to %s) is not after the start, then the problem is on the end", (start, end) => {
    expect(problemsOf(isView, hours({ start, end }))).toEqual([
      { path: ["outsideHours", "end"], message: "The end of working hours must come after their start." },
    ]);
  });

  it("when the end is one minute after the start, or 24:00, then it is accepted", () => {
    expect(problemsOf(isView, hours({ start: "09:00", end: "09:01" }))).toEqual([]);
    expect(problemsOf(isView, hours({ start: "22:00", end: "24:00" }))).toEqual([]);
  });

  it("when no day is chosen, then the problem is on the days", () => {
    expect(problemsOf(isView, hours({ days: [] }))).toEqual([{ path: ["outsideHours", "days"], message: "Choose the working days." }]);
  });

  it("when the working hours are every day from 00:00 to 24:00, then nothing is ever outside them", () => {
    expect(problemsOf(isView, hours({ days: [7, 6, 5, 4, 3, 2, 1], start: "00:00", end: "24:00" }))).toEqual([
      { path: ["outsideHours", "days"], message: "These working hours cover the whole week, so no activity is ever outside them." },
    ]);
  });

  it("when the working hours leave any time of the week out, then they do not cover the whole week", () => {
    expect(problemsOf(isView, hours({ days: [1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }))).toEqual([]);
    expect(problemsOf(isView, hours({ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" }))).toEqual([]);
    expect(problemsOf(isView, hours({ days: [1, 2, 3, 4, 5, 6, 7], start: "00:01", end: "24:00" }))).toEqual([]);
  });

  it("when the condition and the working hours both have problems, then all of them are listed, the condition's first", () => {
    expect(problemsOf({ all: [] }, hours({ days: [] })).map((p) => p.path)).toEqual([
      ["condition", "all"],
      ["outsideHours", "days"],
    ]);
  });
});
