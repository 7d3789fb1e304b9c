import type { AlertDetail } from "@wc/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { paths } from "../../../config/paths";
import { ALERT_STATUS_NAMES, SEVERITY_NAMES } from "../../../lib/labels";
import { formatCount } from "../../../lib/numbers";
import { connectorText } from "../alert-words";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What raised the alert, about whom, when, and who closed it with which note. */
export function AlertFacts({ alert }: { alert: AlertDetail }) {
  return (
    <dl className="dl">
      <Item term="Status">{ALERT_STATUS_NAMES[alert.status]}</Item>
      {alert.closedAt ? (
        <Item term={alert.status === "open" ? "Last closed" : `${ALERT_STATUS_NAMES[alert.status]} by`}>
          {alert.closedBy ?? "—"} at <DateTime value={alert.closedAt} />
        </Item>
      ) : null}
      {alert.note ? <Item term="Note">{alert.note}</Item> : null}
      <Item term="Policy">
        <Link to={paths.policy.getHref(alert.policyId)}>{alert.policyName}</Link>
      </Item>
      <Item term="Severity">{SEVERITY_NAMES[alert.severity]}</Item>
      <Item term="Connector">
        {alert.connector.name ? <Link to={paths.connector.getHref(alert.connector.id)}>{connectorText(alert.connector)}</Link> : connectorText(alert.connector)}
      </Item>
      <Item term="Account">{alert.account}</Item>
      <Item term="Rows">{formatCount(alert.rowCount)}</Item>
      <Item term="First row">
        <DateTime value={alert.firstRowAt} seconds />
      </Item>
      <Item term="Last row">
        <DateTime value={alert.lastRowAt} seconds />
      </Item>
      <Item term="Raised">
        <DateTime value={alert.raisedAt} seconds />
      </Item>
    </dl>
  );
}
