import { SelectField } from "../../../components/ui/select-field";
import { newLeaf, type GroupDraft, type Mode } from "../policy-draft";
import { ConditionRow } from "./condition-row";
import { FieldGroup } from "./field-group";

const MODE_OPTIONS: { value: Mode; label: string }[] = [
  { value: "any", label: "Any of these (or)" },
  { value: "all", label: "All of these (and)" },
];

interface Props {
  group: GroupDraft;
  /** "Group 2". */
  label: string;
  /** Its request path, condition.all.1. */
  path: string;
  fields: Readonly<Record<string, string>>;
  onChange: (group: GroupDraft) => void;
  onRemove: () => void;
}

/** A nested group of field tests, e.g. the "(B or C)" of "A and (B or C)". */
export function ConditionGroup({ group, label, path, fields, onChange, onRemove }: Props) {
  const inner = `${path}.${group.mode}`;
  const number = label.replace(/^Group /, "");
  return (
    <FieldGroup legend={label} error={fields[inner]} className="condition-group">
      <SelectField
        label={`Match in ${label.toLowerCase()}`}
        options={MODE_OPTIONS}
        value={group.mode}
        onChange={(e) => onChange({ ...group, mode: e.currentTarget.value as Mode })}
      />
      {group.items.map((leaf, j) => (
        <ConditionRow
          key={leaf.key}
          leaf={leaf}
          label={`Condition ${number}.${j + 1}`}
          path={`${inner}.${j}`}
          fields={fields}
          onChange={(changed) => onChange({ ...group, items: group.items.map((l, k) => (k === j ? changed : l)) })}
          onRemove={() => onChange({ ...group, items: group.items.filter((_, k) => k !== j) })}
        />
      ))}
      <div className="actions">
        <button type="button" className="button-small" onClick={() => onChange({ ...group, items: [...group.items, newLeaf()] })}>
          Add condition to {label.toLowerCase()}
        </button>
        <button type="button" className="button-small" onClick={onRemove}>
          Remove {label.toLowerCase()}
        </button>
      </div>
    </FieldGroup>
  );
}
