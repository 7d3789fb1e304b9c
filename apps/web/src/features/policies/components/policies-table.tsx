import type { PolicyView } from "@wc/contracts";
import { Link } from "react-router";
import { TableScroll } from "../../../components/ui/table-scroll";
import { paths } from "../../../config/paths";
import { SEVERITY_NAMES } from "../../../lib/labels";
import { formatCount } from "../../../lib/numbers";
import { setParams } from "../../../lib/search-params";
import { connectorScopeText } from "../policy-words";

/** The count of open alerts opens the Alerts page filtered to them. */
function OpenAlerts({ policy }: { policy: PolicyView }) {
  if (policy.openAlerts === 0) return <>0</>;
  const query = setParams([
    ["policyId", policy.id],
    ["status", "open"],
  ]);
  return (
    <Link
      to={paths.alerts.getHref(query)}
      aria-label={`${formatCount(policy.openAlerts)} open ${policy.openAlerts === 1 ? "alert" : "alerts"} of ${policy.name}`}
    >
      {formatCount(policy.openAlerts)}
    </Link>
  );
}

/** Every policy; its name opens the policy (the form for admins, the summary for support). */
export function PoliciesTable({ policies }: { policies: readonly PolicyView[] }) {
  if (policies.length === 0) return <p>No policies yet. Activity raises no alerts until a policy says what to look for.</p>;
  return (
    <TableScroll label="Policies">
      <table className="table">
        <caption className="visually-hidden">Policies</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Severity</th>
            <th scope="col">Enabled</th>
            <th scope="col">Connectors</th>
            <th scope="col">Open alerts</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={paths.policy.getHref(p.id)}>{p.name}</Link>
              </td>
              <td>
                <span className={`severity severity-${p.severity}`}>{SEVERITY_NAMES[p.severity]}</span>
              </td>
              <td>{p.enabled ? "Yes" : "No"}</td>
              <td>{connectorScopeText(p.connectorIds)}</td>
              <td>
                <OpenAlerts policy={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
