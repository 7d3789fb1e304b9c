import type { Connector } from "@wc/contracts";
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { Link } from "react-router";
import { paths } from "../../../config/paths";
import { hasTokens, isDraft } from "../status-groups";
import { DeleteForm } from "./delete-form";
import { DisconnectForm } from "./disconnect-form";

/**
 * The header's less frequent actions behind one disclosure button (not an ARIA menu: its items are
 * links and forms, reached with Tab). Escape closes it and gives focus back to the button. The
 * panel is hidden, not unmounted, so a form whose confirm dialog took focus still submits.
 */
export function ConnectorMenu({ connector }: { connector: Connector }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const draft = isDraft(connector);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }
  function onBlur(event: FocusEvent<HTMLDivElement>) {
    // relatedTarget is null when a confirm dialog takes focus: keep the panel open for the answer.
    const next = event.relatedTarget;
    if (open && next !== null && !event.currentTarget.contains(next)) setOpen(false);
  }

  return (
    <div className="menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        More actions <span aria-hidden="true">▾</span>
      </button>
      <ul id={panelId} className="menu-panel" hidden={!open}>
        {draft ? (
          <li>
            <Link to={paths.wizard.getHref(connector.id)}>Resume setup</Link>
          </li>
        ) : (
          <li>
            <Link to={paths.wizard.getHref(connector.id, "details")}>Edit details</Link>
          </li>
        )}
        {hasTokens(connector) ? (
          <li>
            <DisconnectForm connector={connector} />
          </li>
        ) : null}
        <li>
          <DeleteForm connector={connector} />
        </li>
      </ul>
    </div>
  );
}
