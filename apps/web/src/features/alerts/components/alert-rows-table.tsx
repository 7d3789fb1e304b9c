import type { AlertDetail } from "@wc/contracts";
import { UtcTime } from "../../../components/ui/utc-time";
import { TableScroll } from "../../../components/ui/table-scroll";

const orDash = (value: string | null) => value ?? "—";

/** The activity rows that matched, oldest first as the API sends them. */
export function AlertRowsTable({ rows }: { rows: AlertDetail["rows"] }) {
  return (
    <TableScroll label="Matching rows">
      <table className="table activity-table">
        <caption className="visually-hidden">Matching rows, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Account</th>
            <th scope="col">Task</th>
            <th scope="col">Action</th>
            <th scope="col">IP address</th>
            <th scope="col">Device</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <UtcTime value={row.requestTime} />
              </td>
              <td>{row.systemAccount}</td>
              <td>{orDash(row.taskDisplayName)}</td>
              <td>{orDash(row.activityAction)}</td>
              <td>{orDash(row.ipAddress)}</td>
              <td>
                {orDash(row.deviceType)}
                {row.userAgent ? <p className="muted">{row.userAgent}</p> : null}
              </td>
              <td>{orDash(row.targetDescriptor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
