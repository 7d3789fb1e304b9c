import { describe, expect, it } from "vitest";
import { compilePolicy, compilePolicySet, POLICY_TEMPLATES, type PolicyDefinition, type PolicyRow } from "../src";

const TASKS = ["View Worker", "Get Workers (Web Service)", "Export to Excel", "Maintain Permissions for Security Group", "Home", "Start Proxy", null];
const ACCOUNTS = ["lmartin", "admin", "ISU_Payroll", "isu-benefits", "Admin"];
const DEVICES = ["Desktop", "Mobile", "Tablet", null];
const ADDRESSES = ["198.51.100.7", "203.0.113.9", "10.1.2.3", "not an address", null];

const def = (condition: PolicyDefinition["condition"], over: Partial<PolicyDefinition> = {}): PolicyDefinition => ({
  condition,
  threshold: null,
  outsideHours: null,
  ...over,
});

/** Gated on a task name, on an account, inside `all` (nested), and not gated at all; cases mixed. */
const POLICIES: PolicyDefinition[] = [
  ...POLICY_TEMPLATES.map((t) => t.definition),
  def({ field: "taskDisplayName", op: "is", values: ["view worker", "EXPORT TO EXCEL"] }),
  def(
    { field: "taskDisplayName", op: "is", values: ["View Worker"] },
    { outsideHours: { timeZone: "Europe/Paris", days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } },
  ),
  def({ field: "systemAccount", op: "is", values: ["admin"] }),
  def({ all: [{ all: [{ field: "deviceType", op: "is", values: ["Mobile"] }] }, { field: "taskDisplayName", op: "contains", values: ["worker"] }] }),
  def({
    any: [
      { field: "taskDisplayName", op: "is", values: ["Home"] },
      { field: "systemAccount", op: "is", values: ["lmartin"] },
    ],
  }),
  def({ field: "taskDisplayName", op: "matches", values: ["^(Maintain|Start) "] }),
  def({ field: "taskDisplayName", op: "contains", values: ["Worker"] }),
  def({ field: "ipAddress", op: "outside_ranges", values: ["198.51.100.0/24"] }),
  def({ field: "taskDisplayName", op: "is_not", values: ["Home"] }),
  def({
    all: [
      { field: "systemAccount", op: "matches", values: ["^isu[_-]"] },
      { field: "deviceType", op: "is", values: ["desktop", "tablet"] },
    ],
  }),
];

/** A small deterministic generator (mulberry32), so a failure names the row that shows it. */
function rowsOf(count: number, seed: number): PolicyRow[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const caseOf = (s: string | null) => (s === null ? null : next() < 0.2 ? s.toUpperCase() : s);
  return Array.from({ length: count }, () => ({
    requestTime: new Date(Date.UTC(2026, 2, 2) + Math.floor(next() * 7 * 86_400_000)).toISOString(),
    systemAccount: pick(ACCOUNTS),
    taskId: null,
    taskDisplayName: caseOf(pick(TASKS)),
    activityAction: pick(["READ", "WRITE", null]),
    ipAddress: pick(ADDRESSES),
    userAgent: null,
    deviceType: caseOf(pick(DEVICES)),
    targetId: null,
    targetDescriptor: null,
  }));
}

describe("compilePolicySet", () => {
  it("when rows are tested against the set, then each row gets exactly the policies that testing each one in turn matches, in order", () => {
    const each = POLICIES.map((p) => compilePolicy(p));
    const set = compilePolicySet(POLICIES);
    let matched = 0;
    for (const r of rowsOf(5000, 17)) {
      const expected = each.flatMap((t, i) => (t(r) ? [i] : []));
      expect(set(r), JSON.stringify(r)).toEqual(expected);
      matched += expected.length;
    }
    // The rows exercise the set: most match something, and not everything matches.
    expect(matched).toBeGreaterThan(5000);
    expect(matched).toBeLessThan(5000 * POLICIES.length);
  });

  it("when two policies are gated on the same value, then a row with that value matches both", () => {
    const set = compilePolicySet([
      def({ field: "taskDisplayName", op: "is", values: ["Home"] }),
      def({ field: "taskDisplayName", op: "is", values: ["HOME", "Other"] }),
    ]);
    const r = rowsOf(1, 1)[0] as PolicyRow;
    expect(set({ ...r, taskDisplayName: "home" })).toEqual([0, 1]);
    expect(set({ ...r, taskDisplayName: null })).toEqual([]);
  });

  it("when the set is empty, then no row matches", () => {
    expect(compilePolicySet([])(rowsOf(1, 2)[0] as PolicyRow)).toEqual([]);
  });
});
