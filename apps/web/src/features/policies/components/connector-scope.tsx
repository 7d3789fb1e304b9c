import type { PolicyDraft } from "../policy-draft";
import type { ConnectorName } from "../policy-words";
import { FieldGroup } from "./field-group";

type Scope = Pick<PolicyDraft, "allConnectors" | "connectorIds">;

interface Props {
  connectors: readonly ConnectorName[];
  draft: Scope;
  error?: string | undefined;
  onChange: (change: Partial<Scope>) => void;
}

/**
 * "All connectors" (present and future), or a list to tick, as a notification channel's picker;
 * the ticks are kept while All is chosen, so switching back loses nothing.
 */
export function ConnectorScope({ connectors, draft, error, onChange }: Props) {
  const toggle = (id: string, on: boolean) => onChange({ connectorIds: on ? [...draft.connectorIds, id] : draft.connectorIds.filter((c) => c !== id) });
  // A connector deleted since the policy was saved is still listed, so it can be unticked.
  const listed = [
    ...connectors,
    ...draft.connectorIds.filter((id) => !connectors.some((c) => c.id === id)).map((id) => ({ id, name: `Deleted connector ${id}` })),
  ];
  return (
    <FieldGroup legend="Connectors" error={error}>
      <label className="checkbox">
        <input type="radio" name="connectors" checked={draft.allConnectors} onChange={() => onChange({ allConnectors: true })} />
        All connectors
      </label>
      <label className="checkbox">
        <input type="radio" name="connectors" checked={!draft.allConnectors} onChange={() => onChange({ allConnectors: false })} />
        Chosen connectors
      </label>
      <fieldset className="choices choices-nested" hidden={draft.allConnectors}>
        <legend className="visually-hidden">Chosen connectors</legend>
        {listed.length === 0 ? <p className="muted">There are no connectors yet.</p> : null}
        {listed.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={draft.connectorIds.includes(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
            {c.name}
          </label>
        ))}
      </fieldset>
    </FieldGroup>
  );
}
