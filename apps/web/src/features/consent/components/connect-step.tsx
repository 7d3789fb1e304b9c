import type { Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { Link, Navigate } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { StatusBadge } from "../../../components/ui/status-badge";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { paths } from "../../../config/paths";
import { GoToField } from "../../../components/ui/go-to-field";
import { failingReasons } from "../../../lib/failing-reasons";
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

/** Consent worked but a check did not: each failing reason, Run checks now (after the fix in Workday) and the way to the connector page. */
function ActionRequired({ connector, runChecks }: { connector: Connector; runChecks: ReactNode }) {
  return (
    <div>
      <p>
        Workday consent was granted, but the connector is: <StatusBadge status={connector.status} />
      </p>
      {failingReasons(connector).map((code) => (
        <TroubleshootingEntry key={code} reasonCode={code}>
          <GoToField connectorId={connector.id} reasonCode={code} />
        </TroubleshootingEntry>
      ))}
      <div className="actions">
        {runChecks}
        <Link to={paths.connector.getHref(connector.id)}>Go to connector</Link>
      </div>
    </div>
  );
}

function LastResult({ connector, runChecks }: { connector: Connector; runChecks: ReactNode }) {
  const last = connector.lastConsent;
  if (last?.outcome === "error") {
    return (
      <TroubleshootingEntry reasonCode={last.reasonCode ?? "authorize_error"} detail={last.detail} alert>
        <GoToField connectorId={connector.id} reasonCode={last.reasonCode} />
      </TroubleshootingEntry>
    );
  }
  if (last?.outcome === "success" && connector.reasonCode) return <ActionRequired connector={connector} runChecks={runChecks} />;
  return null;
}

interface Props {
  connector: Connector;
  /** Run checks now (the health feature), composed in by the wizard page for a consent that left the connector needing action. */
  runChecks: ReactNode;
}

/** Starts consent and shows how it ended; success moves on to Done. */
export function ConnectStep({ connector, runChecks }: Props) {
  const { phase, connect, connectHere, cancel } = useConsentFlow(connector.id, connector.lastConsent?.at ?? null);
  const connected = connector.status === "connected" && connector.lastConsent?.outcome === "success";
  if (phase.kind === "idle" && connected) return <Navigate to={paths.wizard.getHref(connector.id, "done")} replace />;
  const retry = phase.kind === "popup_closed" || phase.kind === "failed" || connector.lastConsent?.outcome === "error";
  const actionRequired = phase.kind === "idle" && connector.lastConsent?.outcome === "success" && connector.reasonCode !== null;

  return (
    <div className="connect">
      <Guidance />
      {phase.kind === "waiting" ? (
        <ConsentWaiting className="panel" popup={phase.popup !== null} blocked={phase.blocked} onCancel={cancel} onContinueHere={connectHere} />
      ) : phase.kind === "checking" ? (
        <p role="status">Checking the result…</p>
      ) : (
        <>
          {phase.kind === "popup_closed" ? (
            <TroubleshootingEntry reasonCode="popup_closed" alert>
              <button type="button" onClick={connectHere}>
                Continue in this window
              </button>
            </TroubleshootingEntry>
          ) : null}
          {phase.kind === "failed" ? <ProblemMessage message={phase.message} requestId={phase.requestId} /> : null}
          {phase.kind === "idle" ? <LastResult connector={connector} runChecks={runChecks} /> : null}
          <button type="button" className={actionRequired ? undefined : "button-primary"} onClick={connect}>
            {actionRequired ? "Connect again" : retry ? "Try again" : "Connect Workday"}
          </button>
        </>
      )}
    </div>
  );
}
