import { ConnectorTicks } from "../../../components/ui/connector-ticks";
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
 * "All connectors" (present and future), or a list to tick (with a filter box on a large console),
 * as a notification channel's picker; the ticks are kept while All is chosen or the list does not
 * show them, so switching back or filtering loses nothing.
 */
export function ConnectorScope({ connectors, draft, error, onChange }: Props) {
  const ticked = new Set(draft.connectorIds);
  const toggle = (id: string, on: boolean) => onChange({ connectorIds: on ? [...draft.connectorIds, id] : draft.connectorIds.filter((c) => c !== id) });
  // A connector deleted since the policy was saved is still listed, so it can be unticked.
  const known = new Set(connectors.map((c) => c.id));
  const listed = [...connectors, ...draft.connectorIds.filter((id) => !known.has(id)).map((id) => ({ id, name: `Deleted connector ${id}` }))];
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
        <ConnectorTicks connectors={listed} ticked={ticked} onTick={toggle} />
      </fieldset>
    </FieldGroup>
  );
}
