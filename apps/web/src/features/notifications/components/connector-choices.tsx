import { useId, useState } from "react";
import { ConnectorTicks } from "../../../components/ui/connector-ticks";
import type { ConnectorName } from "../channel-words";

type Scope = "all" | "chosen";

interface Props {
  connectors: readonly ConnectorName[];
  /** null: every connector, present and future. */
  chosen: readonly string[] | null;
  error?: string | undefined;
}

/**
 * "All connectors", or a list to tick (with a filter box on a large console). The list stays
 * mounted while hidden, and a ticked connector the list does not show is sent as a hidden field,
 * so the form sends every tick.
 */
export function ConnectorChoices({ connectors, chosen, error }: Props) {
  const [scope, setScope] = useState<Scope>(chosen === null ? "all" : "chosen");
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(chosen ?? []));
  const errorId = `${useId()}-error`;
  const tick = (id: string, on: boolean) =>
    setTicked((before) => {
      const after = new Set(before);
      if (on) after.add(id);
      else after.delete(id);
      return after;
    });
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
        <ConnectorTicks connectors={connectors} ticked={ticked} onTick={tick} name="connectorIds" />
      </fieldset>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
