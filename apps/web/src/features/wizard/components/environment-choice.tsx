import { DETAILS_FIELDS, environmentSchema, type DetailsValues } from "@wc/contracts";
import { addressOfAuthorizationEndpoint, guessEnvironment } from "@wc/workday";
import { useId } from "react";
import { detailsInputId } from "../../../lib/details-fields";
import { ENVIRONMENT_NAMES, environmentName } from "../../../lib/labels";

const DETECT = "detect";

function hostOf(url: string): string | null {
  try {
    return new URL(url.trim()).host;
  } catch {
    return null;
  }
}

/** What detection makes of the endpoints as they stand, the same guess the server makes when they are saved. */
function detected(values: DetailsValues) {
  const hosts = [values.authorizationEndpoint, values.tokenEndpoint, values.restApiEndpoint].map(hostOf).filter((h): h is string => h !== null);
  if (hosts.length === 0) return null;
  const tenant = addressOfAuthorizationEndpoint(values.authorizationEndpoint.trim())?.tenant ?? null;
  return { ...guessEnvironment({ hosts, tenant }), tenant };
}

/** The environment in plain view: what the endpoints say it is, and a way to change it when that guess is wrong. */
export function EnvironmentChoice({ values, onChange }: { values: DetailsValues; onChange: (values: Partial<DetailsValues>) => void }) {
  const id = useId();
  const guess = detected(values);
  const { label, help } = DETAILS_FIELDS.environmentOverride;
  return (
    <div className="field">
      <label htmlFor={detailsInputId("environmentOverride")}>{label}</label>
      <p className="field-hint" id={`${id}-detected`} role="status">
        {guess === null
          ? "Detected from the endpoints once they are filled in."
          : `Detected: ${environmentName(guess.environment, guess.tenant)}. ${guess.reason}`}
      </p>
      <p className="field-hint" id={`${id}-help`}>
        {help}
      </p>
      <select
        id={detailsInputId("environmentOverride")}
        aria-describedby={`${id}-detected ${id}-help`}
        value={values.environmentOverride ?? DETECT}
        onChange={(e) => {
          const parsed = environmentSchema.safeParse(e.target.value);
          onChange({ environmentOverride: parsed.success ? parsed.data : null });
        }}
      >
        <option value={DETECT}>As detected{guess ? ` (${environmentName(guess.environment, guess.tenant)})` : ""}</option>
        <option value="production">{ENVIRONMENT_NAMES.production}</option>
        <option value="sandbox">{`${ENVIRONMENT_NAMES.sandbox} or implementation`}</option>
      </select>
    </div>
  );
}
