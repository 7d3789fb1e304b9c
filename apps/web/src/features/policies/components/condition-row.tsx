import { POLICY_FIELDS, type PolicyField } from "@wc/workday";
import { SelectField } from "../../../components/ui/select-field";
import { TextAreaField } from "../../../components/ui/text-area-field";
import { commasSeparate, type LeafDraft } from "../policy-draft";
import { FIELD_NAMES, OP_NAMES, opsFor } from "../policy-words";

const FIELD_OPTIONS = POLICY_FIELDS.map((f) => ({ value: f, label: FIELD_NAMES[f] }));

function valuesHint(leaf: LeafDraft): string {
  if (leaf.op === "in_ranges" || leaf.op === "outside_ranges")
    return "One range per line or comma-separated, like 192.0.2.0/24, 2001:db8::/32 or a single address.";
  if (leaf.op === "matches") return "One regular expression per line, matched in any case (commas are part of the pattern).";
  return commasSeparate(leaf.op) ? "One per line, or separated by commas. Any case matches." : "One per line (commas are part of the text). Any case matches.";
}

interface Props {
  leaf: LeafDraft;
  /** "Condition 2", "Condition 3.1": also names the Remove button. */
  label: string;
  /** The request path of this test (condition.all.2), which the messages name. */
  path: string;
  fields: Readonly<Record<string, string>>;
  onChange: (leaf: LeafDraft) => void;
  onRemove: () => void;
}

/** One field test: [field] [comparison] [values]. */
export function ConditionRow({ leaf, label, path, fields, onChange, onRemove }: Props) {
  const ops = opsFor(leaf.field);
  const setField = (field: PolicyField) => {
    // A range comparison is only offered for the IP address: another field falls back to "is".
    const op = opsFor(field).includes(leaf.op) ? leaf.op : "is";
    onChange({ ...leaf, field, op });
  };
  return (
    <fieldset className="condition-row">
      <legend className="condition-label">{label}</legend>
      <SelectField
        label="Field"
        options={FIELD_OPTIONS}
        value={leaf.field}
        onChange={(e) => setField(e.currentTarget.value as PolicyField)}
        error={fields[`${path}.field`]}
      />
      <SelectField
        label="Comparison"
        options={ops.map((op) => ({ value: op, label: OP_NAMES[op] }))}
        value={leaf.op}
        onChange={(e) => onChange({ ...leaf, op: e.currentTarget.value as LeafDraft["op"] })}
        error={fields[`${path}.op`]}
      />
      <TextAreaField
        label="Values"
        rows={3}
        spellCheck={false}
        value={leaf.values}
        onChange={(e) => onChange({ ...leaf, values: e.currentTarget.value })}
        hint={valuesHint(leaf)}
        error={fields[`${path}.values`]}
      />
      <button type="button" className="button-small" onClick={onRemove}>
        Remove {label.toLowerCase()}
      </button>
    </fieldset>
  );
}
