import { severitySchema, type Severity } from "@wc/contracts";
import { SEVERITY_NAMES } from "../../../lib/labels";
import { FieldGroup } from "./field-group";

/** Low, medium or high: the alerts carry it, and the Alerts page filters by it. */
export function SeverityChoice({ value, error, onChange }: { value: Severity | ""; error?: string | undefined; onChange: (s: Severity) => void }) {
  return (
    <FieldGroup legend="Severity" error={error} className="severity-choice">
      {severitySchema.options.map((s) => (
        <label key={s} className="checkbox">
          <input type="radio" name="severity" value={s} checked={value === s} onChange={() => onChange(s)} />
          {SEVERITY_NAMES[s]}
        </label>
      ))}
    </FieldGroup>
  );
}
