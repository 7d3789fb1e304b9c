import type { Connector } from "@wc/contracts";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { useHandoffConsent } from "../use-handoff-consent";

/** Connect Workday from the hand-off page: the Workday administrator signs in to Workday and allows. */
export function HandoffConnect({ connector }: { connector: Connector }) {
  const { phase, connect, cancel } = useHandoffConsent(connector.id);
  const ready = connector.clientSecretSet && connector.clientId !== null && connector.clientId !== "";
  const last = connector.lastConsent;
  if (!ready) return <p className="muted">Save the client details above first.</p>;
  if (phase.kind === "waiting") {
    return (
      <div className="panel" role="status">
        <p className="waiting">{phase.popup ? "Waiting for Workday…" : "Opening Workday in this window…"}</p>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (phase.kind === "checking") return <p role="status">Checking the result…</p>;
  const retry = phase.kind !== "idle" || last?.outcome === "error";
  return (
    <div className="connect">
      <p>
        A Workday window opens. Sign in to Workday with an account in the security group above, then select <strong>Allow</strong>.
      </p>
      {phase.kind === "popup_closed" ? <TroubleshootingEntry reasonCode="popup_closed" /> : null}
      {phase.kind === "failed" ? <ProblemMessage message={phase.message} requestId={phase.requestId} /> : null}
      {phase.kind === "idle" && last?.outcome === "error" ? (
        <TroubleshootingEntry reasonCode={last.reasonCode ?? "authorize_error"} detail={last.detail} />
      ) : null}
      <button type="button" className="button-primary" onClick={connect}>
        {retry ? "Try again" : "Connect Workday"}
      </button>
    </div>
  );
}
