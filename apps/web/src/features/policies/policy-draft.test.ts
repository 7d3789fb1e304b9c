import { MAX_CONDITION_DEPTH, policyProblems, type PolicyCondition, type PolicyLeaf } from "@wc/workday";
import { describe, expect, it } from "vitest";
import { makePolicy } from "../../testing/policy-fixtures";
import { draftFromView, mayNestGroup, newGroup, requestFromDraft, type GroupDraft, type ItemDraft } from "./policy-draft";

const leaf = (values: string[], field: PolicyLeaf["field"] = "taskDisplayName"): PolicyLeaf => ({ field, op: "is", values });
const conditionOf = (c: PolicyCondition) => requestFromDraft(draftFromView(makePolicy({ condition: c }))).condition;

describe("policy draft: conditions", () => {
  it("when a saved condition nests groups as deep as the API takes, then the draft sends it back unchanged", () => {
    const deepest: PolicyCondition = { all: [leaf(["A"]), { any: [leaf(["B"]), { all: [leaf(["C"]), leaf(["Mobile"], "deviceType")] }] }] };
    expect(policyProblems({ condition: deepest, threshold: null, outsideHours: null })).toEqual([]);
    expect(conditionOf(deepest)).toEqual(deepest);
    const mixed: PolicyCondition = { any: [{ all: [leaf(["A"])] }, { any: [{ any: [leaf(["B"])] }, leaf(["C"])] }, leaf(["D"])] };
    expect(conditionOf(mixed)).toEqual(mixed);
  });

  it("when the saved condition is one field test, then the draft sends it as a group of one", () => {
    expect(conditionOf(leaf(["A"]))).toEqual({ all: [leaf(["A"])] });
  });

  it("when groups are added as long as the form offers it, then the API takes the result, and one level more it refuses", () => {
    // The builder's own all/any is depth 1; each group added inside the last is one deeper.
    const build = (levels: (depth: number) => boolean) => {
      const top = draftFromView(makePolicy());
      let items: ItemDraft[] = top.items;
      for (let depth = 1; levels(depth); depth++) {
        const group: GroupDraft = { ...newGroup(), items: [{ kind: "leaf", key: `k${depth}`, field: "taskDisplayName", op: "is", values: "View Worker" }] };
        items.push(group);
        items = group.items;
      }
      return requestFromDraft(top).condition as PolicyCondition;
    };
    const offered = build((depth) => depth === 1 || mayNestGroup(depth));
    expect(JSON.stringify(offered).match(/"any"/g)).toHaveLength(MAX_CONDITION_DEPTH - 2);
    expect(policyProblems({ condition: offered, threshold: null, outsideHours: null })).toEqual([]);
    const beyond = build((depth) => depth === 1 || mayNestGroup(depth - 1));
    expect(policyProblems({ condition: beyond, threshold: null, outsideHours: null })).not.toEqual([]);
  });
});
