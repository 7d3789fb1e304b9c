import { DETAILS_FIELDS, type Connector } from "@wc/contracts";
import { Link, Navigate } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { StatusBadge } from "../../../components/ui/status-badge";
import { troubleshootingFor, TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { paths } from "../../../config/paths";
import { toDetailsField } from "../../../lib/details-fields";
import { useConsentFlow } from "../use-consent-flow";
import { ConsentWaiting } from "./consent-waiting";

function Guidance() {
  return (
    <>
      <p>
        A Workday window opens. Sign in to Workday, then select <strong>Allow</strong>.
      </p>
      <p className="muted">
        If you see your company&apos;s sign-in page instead of Workday&apos;s, your tenant uses SAML SSO: go Back, tick &apos;This tenant signs in with SAML
        SSO&apos;, and connect again.
      </p>
    </>
  );
}

function GoToField({ connectorId, reasonCode }: { connectorId: string; reasonCode: string | null }) {
  const field = toDetailsField(troubleshootingFor(reasonCode)?.field);
  if (field === null) return null;
  return <Link to={paths.wizardField.getHref(connectorId, field)}>Go to {DETAILS_FIELDS[field].label}</Link>;
}

function LastResult({ connector }: { connector: Connector }) {
  const last = connector.lastConsent;
  if (last?.outcome === "error") {
    return (
      <TroubleshootingEntry reasonCode={last.reasonCode ?? "authorize_error"} detail={last.detail}>
        <GoToField connectorId={connector.id} reasonCode={last.reasonCode} />
      </TroubleshootingEntry>
    );
  }
  if (last?.outcome === "success" && connector.reasonCode) {
    return (
      <div>
        <p>
          Workday consent was granted, but the connector is: <StatusBadge status={connector.status} />
        </p>
        <TroubleshootingEntry reasonCode={connector.reasonCode} />
      </div>
    );
  }
  return null;
}

/** Starts consent and shows how it ended; success moves on to Done. */
export function ConnectStep({ connector }: { connector: Connector }) {
  const { phase, connect, cancel } = useConsentFlow(connector.id, connector.lastConsent?.at ?? null);
  const connected = connector.status === "connected" && connector.lastConsent?.outcome === "success";
  if (phase.kind === "idle" && connected) return <Navigate to={paths.wizard.getHref(connector.id, "done")} replace />;
  const retry = phase.kind === "popup_closed" || phase.kind === "failed" || connector.lastConsent?.outcome === "error";

  return (
    <div className="connect">
      <Guidance />
      {phase.kind === "waiting" ? (
        <ConsentWaiting className="panel" popup={phase.popup !== null} onCancel={cancel} />
      ) : phase.kind === "checking" ? (
        <p role="status">Checking the result…</p>
      ) : (
        <>
          {phase.kind === "popup_closed" ? <TroubleshootingEntry reasonCode="popup_closed" /> : null}
          {phase.kind === "failed" ? <ProblemMessage message={phase.message} requestId={phase.requestId} /> : null}
          {phase.kind === "idle" ? <LastResult connector={connector} /> : null}
          <button type="button" className="button-primary" onClick={connect}>
            {retry ? "Try again" : "Connect Workday"}
          </button>
        </>
      )}
    </div>
  );
}
