import { useRef } from "react";
import { SelectField } from "../../../components/ui/select-field";
import { mayNestGroup, newGroup, newLeaf, type GroupDraft, type ItemDraft, type Mode } from "../policy-draft";
import { ConditionRow } from "./condition-row";
import { FieldGroup } from "./field-group";

const MODE_OPTIONS: { value: Mode; label: string }[] = [
  { value: "any", label: "Any of these (or)" },
  { value: "all", label: "All of these (and)" },
];

interface Props {
  group: GroupDraft;
  /** "Group 2", or "Group 2.1" inside it. */
  label: string;
  /** Its request path, condition.all.1. */
  path: string;
  /** 2 for a group of the condition itself, one more for each group it is inside. */
  depth: number;
  fields: Readonly<Record<string, string>>;
  onChange: (group: GroupDraft) => void;
  onRemove: () => void;
}

/**
 * A nested group of field tests, e.g. the "(B or C)" of "A and (B or C)", which may hold groups
 * of its own down to the depth the API takes (mayNestGroup). Its items are numbered after it:
 * Condition 2.1, Group 2.2, Condition 2.2.1.
 */
export function ConditionGroup({ group, label, path, depth, fields, onChange, onRemove }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  const inner = `${path}.${group.mode}`;
  const number = label.replace(/^Group /, "");
  const name = label.toLowerCase();
  const setItems = (items: ItemDraft[]) => onChange({ ...group, items });
  const change = (j: number) => (item: ItemDraft) => setItems(group.items.map((it, k) => (k === j ? item : it)));
  // As in the builder: the focus goes to this group's Add condition, not to the page.
  const remove = (j: number) => () => {
    setItems(group.items.filter((_, k) => k !== j));
    addButton.current?.focus();
  };
  return (
    <FieldGroup legend={label} error={fields[inner]} className="condition-group">
      <SelectField
        label={`Match in ${name}`}
        options={MODE_OPTIONS}
        value={group.mode}
        onChange={(e) => onChange({ ...group, mode: e.currentTarget.value as Mode })}
      />
      {group.items.map((item, j) => (
        <ConditionItem
          key={item.key}
          item={item}
          number={`${number}.${j + 1}`}
          path={`${inner}.${j}`}
          depth={depth + 1}
          fields={fields}
          onChange={change(j)}
          onRemove={remove(j)}
        />
      ))}
      <div className="actions">
        <button type="button" className="button-small" ref={addButton} onClick={() => setItems([...group.items, newLeaf()])}>
          Add condition to {name}
        </button>
        {mayNestGroup(depth) ? (
          <button type="button" className="button-small" onClick={() => setItems([...group.items, newGroup()])}>
            Add group to {name}
          </button>
        ) : null}
        <button type="button" className="button-small" onClick={onRemove}>
          Remove {name}
        </button>
      </div>
    </FieldGroup>
  );
}

interface ItemProps {
  item: ItemDraft;
  /** Its place: "2", or "2.1" inside group 2. */
  number: string;
  /** Its request path, condition.all.1. */
  path: string;
  /** A group's depth if it is one (see ConditionGroup). */
  depth: number;
  fields: Readonly<Record<string, string>>;
  onChange: (item: ItemDraft) => void;
  onRemove: () => void;
}

/** One item of a condition or a group: a field test (Condition 2.1) or a group (Group 2.1). */
export function ConditionItem({ item, number, path, depth, fields, onChange, onRemove }: ItemProps) {
  return item.kind === "leaf" ? (
    <ConditionRow leaf={item} label={`Condition ${number}`} path={path} fields={fields} onChange={onChange} onRemove={onRemove} />
  ) : (
    <ConditionGroup group={item} label={`Group ${number}`} path={path} depth={depth} fields={fields} onChange={onChange} onRemove={onRemove} />
  );
}
