import { clientAuthMethodSchema, DETAILS_FIELDS, type DetailsValues } from "@wc/contracts";
import { useId } from "react";
import { CLIENT_AUTH_NAMES } from "../../../lib/labels";
import { detailsInputId } from "../../../lib/details-fields";

interface AdvancedOptionsProps {
  values: DetailsValues;
  open: boolean;
  onChange: (values: Partial<DetailsValues>) => void;
}

/** Rarely needed: how the secret is sent to the token endpoint. */
export function AdvancedOptions({ values, open, onChange }: AdvancedOptionsProps) {
  const hintId = useId();
  const { clientAuthMethod } = DETAILS_FIELDS;
  return (
    <details className="advanced" open={open || undefined}>
      <summary>Advanced</summary>
      <div className="field">
        <label htmlFor={detailsInputId("clientAuthMethod")}>{clientAuthMethod.label}</label>
        <p className="field-hint" id={`${hintId}-auth`}>
          {clientAuthMethod.help}
        </p>
        <select
          id={detailsInputId("clientAuthMethod")}
          aria-describedby={`${hintId}-auth`}
          value={values.clientAuthMethod}
          onChange={(e) => {
            const parsed = clientAuthMethodSchema.safeParse(e.target.value);
            if (parsed.success) onChange({ clientAuthMethod: parsed.data });
          }}
        >
          {clientAuthMethodSchema.options.map((m) => (
            <option key={m} value={m}>
              {CLIENT_AUTH_NAMES[m]}
            </option>
          ))}
        </select>
      </div>
    </details>
  );
}
