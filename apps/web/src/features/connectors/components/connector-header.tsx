import type { Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { StatusBadge } from "../../../components/ui/status-badge";
import { ConnectorMenu } from "./connector-menu";

interface Props {
  connector: Connector;
  /** Admins only: Run checks now and Reconnect, composed in by the app layer (health and consent features). */
  actions: { runChecks: ReactNode; reconnect: ReactNode } | null;
}

/**
 * Stays at the top while the page scrolls: the name, the status in words (a polite live region,
 * so a status that changes after a check or a reconnect is announced), and what an admin does most.
 */
export function ConnectorHeader({ connector, actions }: Props) {
  return (
    <header className="connector-header">
      <div className="connector-header-title">
        <h1>{connector.name}</h1>
        <p role="status" className="connector-header-status">
          <span className="visually-hidden">Status: </span>
          <StatusBadge status={connector.status} />
        </p>
      </div>
      {actions ? (
        <div className="connector-header-actions">
          {actions.runChecks}
          {actions.reconnect}
          <ConnectorMenu connector={connector} />
        </div>
      ) : null}
    </header>
  );
}
