import { clientAuthMethodSchema, environmentSchema } from "@wc/contracts";
import { useId } from "react";
import { CLIENT_AUTH_NAMES } from "../../../lib/labels";
import { detailsInputId } from "../../../lib/details-fields";
import type { DetailsValues } from "../store";

interface AdvancedOptionsProps {
  values: DetailsValues;
  open: boolean;
  onChange: (values: Partial<DetailsValues>) => void;
}

const DETECT = "detect";

/** Rarely needed: how the secret is sent to the token endpoint, and the environment when detection is wrong. */
export function AdvancedOptions({ values, open, onChange }: AdvancedOptionsProps) {
  const hintId = useId();
  return (
    <details className="advanced" open={open || undefined}>
      <summary>Advanced</summary>
      <div className="field">
        <label htmlFor={detailsInputId("clientAuthMethod")}>Client authentication</label>
        <p className="field-hint" id={`${hintId}-auth`}>
          How the client secret is sent to Workday&apos;s Token Endpoint. Keep the default unless Workday rejects it.
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
      <div className="field">
        <label htmlFor={detailsInputId("environmentOverride")}>Environment</label>
        <p className="field-hint" id={`${hintId}-env`}>
          Sandboxes are refreshed weekly and then need reconnecting, so the console warns about them.
        </p>
        <select
          id={detailsInputId("environmentOverride")}
          aria-describedby={`${hintId}-env`}
          value={values.environmentOverride ?? DETECT}
          onChange={(e) => {
            const parsed = environmentSchema.safeParse(e.target.value);
            onChange({ environmentOverride: parsed.success ? parsed.data : null });
          }}
        >
          <option value={DETECT}>Detect from endpoints</option>
          <option value="production">Production</option>
          <option value="sandbox">Sandbox</option>
        </select>
      </div>
    </details>
  );
}
