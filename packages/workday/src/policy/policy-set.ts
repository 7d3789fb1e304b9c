import { compilePolicy, leafValueTest, type PolicyRow } from "./policy-compile";
import { isLeaf, type PolicyCondition, type PolicyDefinition, type PolicyField, type PolicyLeaf } from "./policy-types";

/** Which policies of a set a row matches: their positions in the set, ascending. */
export type PolicySetTest = (row: PolicyRow) => readonly number[];

const NONE: readonly number[] = Object.freeze([]);

/** Fields whose values repeat across a log (a few hundred task names, accounts, devices). */
const FEW_VALUES: readonly PolicyField[] = ["taskDisplayName", "taskId", "activityAction", "deviceType", "systemAccount"];

/** The leaves a row must pass for the condition to hold: the condition itself, or what an `all` requires. */
function requiredLeaves(c: PolicyCondition): PolicyLeaf[] {
  if (isLeaf(c)) return [c];
  return "all" in c ? c.all.flatMap(requiredLeaves) : [];
}

/**
 * The required leaf to sort rows by: one naming the values it accepts (`is`) if there is one, else
 * one on a field whose values repeat (so its answers can be kept per value), else any.
 */
function gateOf(c: PolicyCondition): PolicyLeaf | null {
  const leaves = requiredLeaves(c);
  return leaves.find((l) => l.op === "is") ?? leaves.find((l) => FEW_VALUES.includes(l.field)) ?? leaves[0] ?? null;
}

/** Per value, the policies whose gate on this field it passes; kept per value, bounded. */
function gateField(gates: { i: number; test: (v: string | null) => boolean }[]) {
  const passing = new Map<string | null, readonly number[]>();
  return (v: string | null): readonly number[] => {
    let hit = passing.get(v);
    if (hit === undefined) {
      const out = gates.filter((g) => g.test(v)).map((g) => g.i);
      hit = out.length === 0 ? NONE : out;
      if (passing.size > 20_000) passing.clear();
      passing.set(v, hit);
    }
    return hit;
  };
}

/**
 * The policies of a set, tested together. Nearly every policy requires one field to pass one test
 * (a task name in a list, an account pattern, an address outside ranges): that test's answer is
 * kept per field value, so a row is tested in full only against the policies its own values let
 * through, and the rest (a top-level `any`) against every row. A log repeats the same task names,
 * accounts and addresses on every page, so twenty policies cost a few map lookups per row instead
 * of twenty tests. The result is exactly what testing every policy in turn gives (policy-set.test.ts).
 */
export function compilePolicySet(defs: readonly PolicyDefinition[]): PolicySetTest {
  const tests = defs.map((d) => compilePolicy(d));
  const byField = new Map<PolicyField, { i: number; test: (v: string | null) => boolean }[]>();
  const ungated: number[] = [];
  defs.forEach((d, i) => {
    const gate = gateOf(d.condition);
    if (!gate) {
      ungated.push(i);
      return;
    }
    let list = byField.get(gate.field);
    if (!list) byField.set(gate.field, (list = []));
    list.push({ i, test: leafValueTest(gate) });
  });
  const fields = [...byField].map(([field, gates]) => ({ field, passing: gateField(gates) }));

  return (row) => {
    let out: number[] | null = null;
    let sources = 0;
    for (const { field, passing } of fields) {
      let added = false;
      for (const i of passing(row[field])) {
        if (tests[i]?.(row)) {
          (out ??= []).push(i);
          added = true;
        }
      }
      if (added) sources++;
    }
    for (const i of ungated) {
      if (tests[i]?.(row)) {
        (out ??= []).push(i);
        sources++;
      }
    }
    if (!out) return NONE;
    // Each field adds in ascending order; only results from several sources need merging.
    if (sources > 1) out.sort((a, b) => a - b);
    return out;
  };
}
