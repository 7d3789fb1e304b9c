import type { Connector } from "@wc/contracts";
import { GoToField } from "../../../components/ui/go-to-field";
import { troubleshootingFor } from "../../../components/ui/troubleshooting-entry";
import { hasTokens, isSandboxRelink } from "../status-groups";

/** What a troubleshooting card's button can do; null for support staff, who only read. */
export interface ReasonActions {
  runChecks: () => void;
  reconnect: () => void;
  /** A check run or a consent is under way: the buttons wait for it. */
  busy: boolean;
}

/**
 * The one next step a troubleshooting entry ends with, as a button on its card: Reconnect when
 * the fix is a new consent, the details field when one is wrong, else Run checks now (after the
 * fix in Workday, or to retry a transient failure).
 */
export function ReasonAction({ connector, reasonCode, actions }: { connector: Connector; reasonCode: string; actions: ReasonActions | null }) {
  if (actions === null) return null;
  const entry = troubleshootingFor(reasonCode);
  if (entry?.reconnect) {
    const prominent = isSandboxRelink(connector);
    return (
      <p className="card-action">
        <button type="button" className={prominent ? "button-primary button-large" : "button-primary"} onClick={actions.reconnect} disabled={actions.busy}>
          Reconnect
        </button>
      </p>
    );
  }
  if (entry?.field) {
    return (
      <p className="card-action">
        <GoToField connectorId={connector.id} reasonCode={reasonCode} className="button" />
      </p>
    );
  }
  if (!hasTokens(connector)) return null;
  return (
    <p className="card-action">
      <button type="button" className="button-primary" onClick={actions.runChecks} disabled={actions.busy}>
        Run checks now
      </button>
    </p>
  );
}
