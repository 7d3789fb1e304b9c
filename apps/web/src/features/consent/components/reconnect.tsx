import { TROUBLESHOOTING } from "@wc/workday";
import { useLayoutEffect, useRef } from "react";
import { ProblemMessage } from "../../../components/ui/problem-message";
import type { ConsentFlow } from "../use-consent-flow";
import { ConsentWaiting } from "./consent-waiting";

/** The pop-up closed without an answer, said briefly (the connector page's header has little room) with the causes one click away. */
function WindowClosed({ onContinueHere }: { onContinueHere: () => void }) {
  const entry = TROUBLESHOOTING.popup_closed;
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <div className="problem reconnect-closed" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{entry.title}.</strong> {entry.meaning}
      </p>
      <details>
        <summary>Why this happens and what to do</summary>
        <ul>
          {entry.causes.map((cause) => (
            <li key={cause}>{cause}</li>
          ))}
        </ul>
        <ol>
          {entry.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>
      <button type="button" onClick={onContinueHere}>
        Continue in this window
      </button>
    </div>
  );
}

/**
 * Reconnect an existing connector: the wizard's consent flow (pop-up, or a full-page redirect when
 * pop-ups are blocked) for the same connector. When the pop-up reports back, the route's loaders
 * re-read the connector, so the page shows its new status.
 */
export function Reconnect({ flow }: { flow: ConsentFlow }) {
  const { phase, connect, connectHere, cancel } = flow;
  if (phase.kind === "waiting") {
    return <ConsentWaiting className="reconnect" popup={phase.popup !== null} blocked={phase.blocked} onCancel={cancel} onContinueHere={connectHere} />;
  }
  if (phase.kind === "checking") return <p role="status">Checking the result…</p>;
  return (
    <div className="reconnect">
      <button type="button" onClick={connect}>
        Reconnect
      </button>
      {phase.kind === "popup_closed" ? <WindowClosed onContinueHere={connectHere} /> : null}
      {phase.kind === "failed" ? <ProblemMessage message={phase.message} requestId={phase.requestId} /> : null}
    </div>
  );
}
