import type { ConnectorSummary } from "@wc/contracts";
import { Link, useFetcher } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { StatusBadge } from "../../../components/ui/status-badge";
import { reasonTitle } from "../../../components/ui/troubleshooting-entry";
import { paths } from "../../../config/paths";
import { environmentName } from "../../../lib/labels";
import { isDraft } from "../status-groups";
import { TableScroll } from "../../../components/ui/table-scroll";
import type { ConnectorSearch } from "../connector-search";
import { SortHeader } from "./sort-header";

function DiscardButton({ connector }: { connector: ConnectorSummary }) {
  const fetcher = useFetcher();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={paths.connectors.getHref()}
      onSubmit={(event) => {
        if (!window.confirm(`Discard the unfinished setup "${connector.name}"? What was entered so far is deleted.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="discard" />
      <input type="hidden" name="id" value={connector.id} />
      <button type="submit" className="button-small button-danger" disabled={busy}>
        {busy ? "Discarding…" : "Discard"}
      </button>
    </fetcher.Form>
  );
}

function Row({ connector, canEdit }: { connector: ConnectorSummary; canEdit: boolean }) {
  return (
    <tr>
      <td>
        <Link to={paths.connector.getHref(connector.id)}>{connector.name}</Link>
        {connector.environment === "sandbox" ? <span className="badge badge-sandbox">{environmentName(connector.environment, connector.tenant)}</span> : null}
      </td>
      <td>{connector.tenant ?? "—"}</td>
      <td>{environmentName(connector.environment, connector.tenant)}</td>
      <td>
        <StatusBadge status={connector.status} />
        {isDraft(connector) && connector.status !== "pending_configuration" ? <span className="muted"> (setup not finished)</span> : null}
      </td>
      <td>{connector.status === "connected" ? "" : reasonTitle(connector.reasonCode)}</td>
      <td>
        {/* A setup still in the wizard has nothing to succeed at yet; "Never succeeded" is for a connector that tried. */}
        {isDraft(connector) ? "—" : <DateTime value={connector.lastSuccessAt} empty="Never succeeded" />}
      </td>
      <td>
        <DateTime value={connector.connectedAt} empty="Not connected" />
      </td>
      <td>
        {canEdit && isDraft(connector) ? (
          <div className="row-actions">
            <Link to={paths.wizard.getHref(connector.id)}>Resume setup</Link>
            <DiscardButton connector={connector} />
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function ConnectorsTable({ connectors, canEdit, search }: { connectors: ConnectorSummary[]; canEdit: boolean; search: ConnectorSearch }) {
  return (
    <TableScroll label="Connected apps">
      <table className="table">
        <caption className="visually-hidden">Connected apps</caption>
        <thead>
          <tr>
            <SortHeader label="Name" sort="name" search={search} />
            <th scope="col">Tenant</th>
            <th scope="col">Environment</th>
            <SortHeader label="Status" sort="status" search={search} />
            <th scope="col">Reason</th>
            <SortHeader label="Last successful check" sort="lastSuccess" search={search} />
            <th scope="col">Connected</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connectors.map((c) => (
            <Row key={c.id} connector={c} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
