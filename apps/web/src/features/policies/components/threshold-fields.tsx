import { TextField } from "../../../components/ui/text-field";
import type { PolicyDraft } from "../policy-draft";

type Threshold = Pick<PolicyDraft, "thresholdOn" | "count" | "withinMinutes">;

interface Props {
  draft: Threshold;
  fields: Readonly<Record<string, string>>;
  onChange: (change: Partial<Threshold>) => void;
}

/** Without a threshold every match raises (grouped per account); with one, only a burst does. */
export function ThresholdFields({ draft, fields, onChange }: Props) {
  return (
    <div className={["field", "policy-option", fields.threshold ? "field-invalid" : null].filter(Boolean).join(" ")}>
      <label className="checkbox">
        <input type="checkbox" checked={draft.thresholdOn} onChange={(e) => onChange({ thresholdOn: e.currentTarget.checked })} />
        Only when one account does this at least N times within M minutes
      </label>
      {fields.threshold ? (
        <p className="field-error" role="alert">
          {fields.threshold}
        </p>
      ) : null}
      {draft.thresholdOn ? (
        <div className="field-row">
          <TextField
            label="N (times)"
            type="number"
            inputMode="numeric"
            min={2}
            value={draft.count}
            onChange={(e) => onChange({ count: e.currentTarget.value })}
            error={fields["threshold.count"]}
          />
          <TextField
            label="M (minutes)"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={draft.withinMinutes}
            onChange={(e) => onChange({ withinMinutes: e.currentTarget.value })}
            error={fields["threshold.withinMinutes"]}
          />
        </div>
      ) : null}
    </div>
  );
}
