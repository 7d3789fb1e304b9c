import type { ActivityRow } from "@wc/contracts";
import { Link } from "react-router";
import { UtcTime } from "../../../components/ui/utc-time";
import { paths } from "../../../config/paths";
import type { ConnectorOption } from "./activity-filters";
import { TableScroll } from "../../../components/ui/table-scroll";

const orDash = (value: string | null) => value ?? "—";

function account(row: ActivityRow) {
  return row.accountName ? `${row.accountName} (${row.systemAccount})` : row.systemAccount;
}

function ConnectorCell({ id, connectors }: { id: string; connectors: readonly ConnectorOption[] }) {
  const name = connectors.find((c) => c.id === id)?.name ?? id;
  return <Link to={paths.connector.getHref(id)}>{name}</Link>;
}

interface Props {
  rows: readonly ActivityRow[];
  /** Across connectors: adds the Connector column, named from this list. */
  connectors?: readonly ConnectorOption[] | undefined;
}

/** One page of activity, newest first as the API sends it. */
export function ActivityTable({ rows, connectors }: Props) {
  return (
    <TableScroll label="User activity">
      <table className="table activity-table">
        <caption className="visually-hidden">User activity, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            {connectors ? <th scope="col">Connector</th> : null}
            <th scope="col">Account</th>
            <th scope="col">Task</th>
            <th scope="col">Action</th>
            <th scope="col">IP address</th>
            <th scope="col">Device</th>
            <th scope="col">Session</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <UtcTime value={row.requestTime} />
              </td>
              {connectors ? (
                <td>
                  <ConnectorCell id={row.connectorId} connectors={connectors} />
                </td>
              ) : null}
              <td>{account(row)}</td>
              <td>{row.taskDisplayName ?? orDash(row.taskId)}</td>
              <td>{orDash(row.activityAction)}</td>
              <td>{orDash(row.ipAddress)}</td>
              <td>{orDash(row.deviceType)}</td>
              <td>{orDash(row.sessionId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
