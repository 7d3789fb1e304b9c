import type { Connector } from "@wc/contracts";
import { StatusBadge } from "../../../components/ui/status-badge";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { failingReasons } from "../../../lib/failing-reasons";
import { CheckTimes } from "./check-times";
import { ReasonAction, type ReasonActions } from "./reason-action";
import { SandboxInfo } from "./sandbox-info";

/** Workday's own error behind a reason: the status's stored answer for its own reason (older connectors only have the consent's), else the failed check's. */
function workdayAnswer(connector: Connector, reasonCode: string): string | null {
  if (reasonCode === connector.reasonCode) {
    if (connector.lastErrorDetail) return connector.lastErrorDetail;
    const consent = connector.lastConsent;
    if (consent?.reasonCode === reasonCode && consent.detail) return consent.detail;
  }
  return connector.lastChecks?.find((c) => !c.ok && c.reasonCode === reasonCode)?.detail ?? null;
}

function TransientNote({ connector }: { connector: Connector }) {
  const n = connector.consecutiveTransientFailures;
  if (connector.status !== "degraded" || n === 0) return null;
  return <p>Workday did not answer {n === 1 ? "the last check" : `the last ${n} checks`}. The connection is kept and checked again at the next check.</p>;
}

interface Props {
  connector: Connector;
  /** What each card's button does (admins only). */
  actions: ReasonActions | null;
}

/** Status in words and colour; when it is not connected, every reason and what to do, each with its button; when checks ran and run next. */
export function ConnectorStatus({ connector, actions }: Props) {
  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">Status</h2>
      <p>
        <StatusBadge status={connector.status} />
      </p>
      {failingReasons(connector).map((code) => (
        <TroubleshootingEntry key={code} reasonCode={code} detail={workdayAnswer(connector, code)} detailLabel="Workday's answer">
          <ReasonAction connector={connector} reasonCode={code} actions={actions} />
        </TroubleshootingEntry>
      ))}
      <TransientNote connector={connector} />
      <CheckTimes connector={connector} />
      {connector.environment === "sandbox" ? <SandboxInfo connector={connector} /> : null}
    </section>
  );
}
