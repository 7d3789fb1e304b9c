import { useId, useState } from "react";
import type { ConnectorName } from "../channel-words";

type Scope = "all" | "chosen";

interface Props {
  connectors: readonly ConnectorName[];
  /** null: every connector, present and future. */
  chosen: readonly string[] | null;
  error?: string | undefined;
}

/** "All connectors", or a list to tick; the list stays mounted while hidden so switching back keeps the ticks. */
export function ConnectorChoices({ connectors, chosen, error }: Props) {
  const [scope, setScope] = useState<Scope>(chosen === null ? "all" : "chosen");
  const errorId = `${useId()}-error`;
  const option = (value: Scope, label: string) => (
    <label className="checkbox">
      <input type="radio" name="connectors" value={value} checked={scope === value} onChange={() => setScope(value)} />
      {label}
    </label>
  );
  return (
    <fieldset className={["field", "choices", error ? "field-invalid" : null].filter(Boolean).join(" ")} aria-describedby={error ? errorId : undefined}>
      <legend>Connectors</legend>
      {option("all", "All connectors")}
      {option("chosen", "Chosen connectors")}
      <fieldset className="choices choices-nested" hidden={scope === "all"}>
        <legend className="visually-hidden">Chosen connectors</legend>
        {connectors.length === 0 ? <p className="muted">There are no connectors yet.</p> : null}
        {connectors.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" name="connectorIds" value={c.id} defaultChecked={chosen?.includes(c.id) ?? false} />
            {c.name}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
