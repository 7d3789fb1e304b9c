import { isLeaf, type PolicyCondition } from "@wc/workday";
import { FIELD_NAMES, OP_NAMES } from "../policy-words";

/** A condition in words, groups as nested lists: "Task name is View Worker". */
export function ConditionText({ condition }: { condition: PolicyCondition }) {
  if (isLeaf(condition)) {
    return (
      <>
        {FIELD_NAMES[condition.field]} {OP_NAMES[condition.op]} {condition.values.join(", ")}
      </>
    );
  }
  const all = "all" in condition;
  const parts = all ? condition.all : condition.any;
  return (
    <>
      {all ? "All of:" : "Any of:"}
      <ul>
        {parts.map((part, i) => (
          <li key={i}>
            <ConditionText condition={part} />
          </li>
        ))}
      </ul>
    </>
  );
}
