import type { Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { StatusBadge } from "../../../components/ui/status-badge";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { isSandboxRelink } from "../status-groups";
import { CheckTimes } from "./check-times";
import { SandboxInfo } from "./sandbox-info";

/** Workday's own error behind the status; older connectors only have the consent's. */
function workdayAnswer(connector: Connector): string | null {
  if (connector.lastErrorDetail) return connector.lastErrorDetail;
  const consent = connector.lastConsent;
  return consent?.reasonCode === connector.reasonCode ? (consent?.detail ?? null) : null;
}

function TransientNote({ connector }: { connector: Connector }) {
  const n = connector.consecutiveTransientFailures;
  if (connector.status !== "degraded" || n === 0) return null;
  return <p>Workday did not answer {n === 1 ? "the last check" : `the last ${n} checks`}. The connection is kept and checked again at the next check.</p>;
}

interface Props {
  connector: Connector;
  /** The Reconnect control (admins only); shown here first when a sandbox refresh broke the connection. */
  reconnect: ReactNode;
}

/** Status in words and colour; when it is not connected, why and what to do; when checks ran and run next. */
export function ConnectorStatus({ connector, reconnect }: Props) {
  const reason = connector.status !== "connected" ? connector.reasonCode : null;
  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">Status</h2>
      <p>
        <StatusBadge status={connector.status} />
      </p>
      {isSandboxRelink(connector) ? reconnect : null}
      {reason ? <TroubleshootingEntry reasonCode={reason} detail={workdayAnswer(connector)} detailLabel="Workday's answer" /> : null}
      <TransientNote connector={connector} />
      <CheckTimes connector={connector} />
      {connector.environment === "sandbox" ? <SandboxInfo connector={connector} /> : null}
    </section>
  );
}
