import { ProblemMessage } from "../../../components/ui/problem-message";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import type { ConsentFlow } from "../use-consent-flow";
import { ConsentWaiting } from "./consent-waiting";

/**
 * Reconnect an existing connector: the wizard's consent flow (pop-up, or a full-page redirect when
 * pop-ups are blocked) for the same connector. When the pop-up reports back, the route's loaders
 * re-read the connector, so the page shows its new status.
 */
export function Reconnect({ flow, prominent = false }: { flow: ConsentFlow; prominent?: boolean }) {
  const { phase, connect, cancel } = flow;
  if (phase.kind === "waiting") {
    return <ConsentWaiting className="reconnect" popup={phase.popup !== null} onCancel={cancel} />;
  }
  if (phase.kind === "checking") return <p role="status">Checking the result…</p>;
  return (
    <div className={prominent ? "reconnect reconnect-prominent" : "reconnect"}>
      <button type="button" className={prominent ? "button-primary button-large" : undefined} onClick={connect}>
        Reconnect
      </button>
      {phase.kind === "popup_closed" ? <TroubleshootingEntry reasonCode="popup_closed" /> : null}
      {phase.kind === "failed" ? <ProblemMessage message={phase.message} requestId={phase.requestId} /> : null}
    </div>
  );
}
