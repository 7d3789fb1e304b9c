import type { Connector } from "@wc/contracts";
import { Form, Link } from "react-router";
import { StatusBadge } from "../../../components/ui/status-badge";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { paths } from "../../../config/paths";

const NEEDS_RECONNECT = new Set<Connector["status"]>(["relink_needed", "disconnected", "action_required", "degraded"]);

function AdminActions({ connector }: { connector: Connector }) {
  const unfinished = connector.status === "pending_configuration" || connector.status === "pending_authorization";
  return (
    <div className="actions">
      {unfinished ? <Link to={paths.wizard.getHref(connector.id)}>Resume setup</Link> : null}
      {NEEDS_RECONNECT.has(connector.status) ? (
        <Link to={paths.wizard.getHref(connector.id, "connect")}>Reconnect</Link>
      ) : null}
      {!unfinished ? <Link to={paths.wizard.getHref(connector.id, "details")}>Edit details</Link> : null}
      <Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(`Delete the connector "${connector.name}"? Its stored credentials and tokens are deleted.`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button-danger">
          Delete connector
        </button>
      </Form>
    </div>
  );
}

/** Status in words and, when it is not connected, why and what to do. */
export function ConnectorOverview({ connector, canEdit }: { connector: Connector; canEdit: boolean }) {
  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">Status</h2>
      <p>
        <StatusBadge status={connector.status} />
      </p>
      {connector.status !== "connected" && connector.reasonCode ? (
        <TroubleshootingEntry
          reasonCode={connector.reasonCode}
          detail={connector.lastConsent?.reasonCode === connector.reasonCode ? connector.lastConsent.detail : null}
        />
      ) : null}
      {canEdit ? <AdminActions connector={connector} /> : null}
    </section>
  );
}
