import { useId, useState } from "react";
import { ConnectorFilter, FILTER_FROM, shownConnectors, useConnectorFilter } from "../../../components/ui/connector-filter";
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
  const filter = useConnectorFilter();
  const errorId = `${useId()}-error`;
  const filtered = connectors.length >= FILTER_FROM;
  const { shown, matching } = filtered ? shownConnectors(connectors, filter.shows, ticked) : { shown: connectors, matching: connectors.length };
  const listed = new Set(shown.map((c) => c.id));
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
        {connectors.length === 0 ? <p className="muted">There are no connectors yet.</p> : null}
        {filtered ? (
          <ConnectorFilter
            query={filter.query}
            onQuery={filter.setQuery}
            shown={shown.length}
            matching={matching}
            total={connectors.length}
            chosen={connectors.filter((c) => ticked.has(c.id)).length}
          />
        ) : null}
        <div className={filtered ? "choice-list choice-list-long" : "choice-list"}>
          {shown.map((c) => (
            <label key={c.id} className="checkbox">
              <input type="checkbox" name="connectorIds" value={c.id} checked={ticked.has(c.id)} onChange={(e) => tick(c.id, e.currentTarget.checked)} />
              {c.name}
            </label>
          ))}
        </div>
        {connectors
          .filter((c) => ticked.has(c.id) && !listed.has(c.id))
          .map((c) => (
            <input key={c.id} type="hidden" name="connectorIds" value={c.id} />
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
