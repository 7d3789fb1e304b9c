import { useRef } from "react";
import { newGroup, newLeaf, type ItemDraft, type Mode, type PolicyDraft } from "../policy-draft";
import { ConditionItem } from "./condition-group";
import { FieldGroup } from "./field-group";

interface Props {
  draft: Pick<PolicyDraft, "mode" | "items">;
  fields: Readonly<Record<string, string>>;
  onChange: (change: Pick<PolicyDraft, "mode" | "items">) => void;
}

/**
 * The condition as rows of [field][comparison][values] under "all" or "any", with groups nested as
 * deep as the API takes. Row n is the request's condition.<mode>.(n-1), so each message lands on its row.
 */
export function ConditionBuilder({ draft, fields, onChange }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  const { mode, items } = draft;
  const setItems = (next: ItemDraft[]) => onChange({ mode, items: next });
  const change = (i: number) => (item: ItemDraft) => setItems(items.map((it, k) => (k === i ? item : it)));
  // The Remove button goes with its row: the focus goes to Add condition rather than to the page.
  const remove = (i: number) => () => {
    setItems(items.filter((_, k) => k !== i));
    addButton.current?.focus();
  };
  const modeChoice = (value: Mode, label: string) => (
    <label className="checkbox">
      <input type="radio" name="condition-mode" value={value} checked={mode === value} onChange={() => onChange({ mode: value, items })} />
      {label}
    </label>
  );
  return (
    <FieldGroup legend="Condition" error={fields[`condition.${mode}`] ?? fields.condition} className="condition">
      <fieldset className="choices condition-mode">
        <legend>Match</legend>
        {modeChoice("all", "All of these conditions (and)")}
        {modeChoice("any", "Any of these conditions (or)")}
      </fieldset>
      {items.map((item, i) => (
        <ConditionItem
          key={item.key}
          item={item}
          number={String(i + 1)}
          path={`condition.${mode}.${i}`}
          depth={2}
          fields={fields}
          onChange={change(i)}
          onRemove={remove(i)}
        />
      ))}
      <div className="actions">
        <button type="button" className="button-small" ref={addButton} onClick={() => setItems([...items, newLeaf()])}>
          Add condition
        </button>
        <button type="button" className="button-small" onClick={() => setItems([...items, newGroup()])}>
          Add group
        </button>
      </div>
    </FieldGroup>
  );
}
