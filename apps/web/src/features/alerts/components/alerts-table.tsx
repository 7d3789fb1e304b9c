import type { AlertView } from "@wc/contracts";
import { Link } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { TableScroll } from "../../../components/ui/table-scroll";
import { paths } from "../../../config/paths";
import { ALERT_STATUS_NAMES, SEVERITY_NAMES } from "../../../lib/labels";
import { formatCount } from "../../../lib/numbers";
import { connectorText } from "../alert-words";

/** One page of alerts, newest first as the API sends them; the policy's name opens the alert. */
export function AlertsTable({ alerts }: { alerts: readonly AlertView[] }) {
  return (
    <TableScroll label="Alerts">
      <table className="table">
        <caption className="visually-hidden">Alerts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Policy</th>
            <th scope="col">Connector</th>
            <th scope="col">Account</th>
            <th scope="col">Rows</th>
            <th scope="col">First row (UTC)</th>
            <th scope="col">Last row (UTC)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id}>
              <td>
                <span className={`severity severity-${a.severity}`}>{SEVERITY_NAMES[a.severity]}</span>
              </td>
              <td>
                <Link to={paths.alert.getHref(a.id)}>{a.policyName}</Link>
              </td>
              <td>{connectorText(a.connector)}</td>
              <td>{a.account}</td>
              <td>{formatCount(a.rowCount)}</td>
              <td>
                <DateTime value={a.firstRowAt} seconds />
              </td>
              <td>
                <DateTime value={a.lastRowAt} seconds />
              </td>
              <td>{ALERT_STATUS_NAMES[a.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
