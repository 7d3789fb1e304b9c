import type { PolicyView } from "@wc/contracts";
import type { ReactNode } from "react";
import { DateTime } from "../../../components/ui/date-time";
import { SEVERITY_NAMES } from "../../../lib/labels";
import { connectorName, DAYS, type ConnectorName } from "../policy-words";
import { ConditionText } from "./condition-text";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const dayNames = (days: readonly number[]) => DAYS.filter((d) => days.includes(d.day)).map((d) => d.name);

/** The saved policy in words: what support staff read instead of the form. */
export function PolicySummary({ policy, connectors }: { policy: PolicyView; connectors: readonly ConnectorName[] }) {
  const hours = policy.outsideHours;
  return (
    <dl className="dl">
      <Item term="Description">{policy.description || "—"}</Item>
      <Item term="Severity">{SEVERITY_NAMES[policy.severity]}</Item>
      <Item term="Enabled">{policy.enabled ? "Yes" : "No: it raises no alerts"}</Item>
      <Item term="Connectors">{policy.connectorIds === null ? "All" : policy.connectorIds.map((id) => connectorName(id, connectors)).join(", ")}</Item>
      <Item term="Condition">
        <ConditionText condition={policy.condition} />
      </Item>
      <Item term="Threshold">
        {policy.threshold ? `At least ${policy.threshold.count} times by one account within ${policy.threshold.withinMinutes} minutes` : "Every match"}
      </Item>
      <Item term="Only outside working hours">
        {hours ? `${dayNames(hours.days).join(", ")} ${hours.start}–${hours.end} (${hours.timeZone})` : "No: at any time"}
      </Item>
      <Item term="Last changed">
        <DateTime value={policy.updatedAt} /> by {policy.updatedBy}
      </Item>
    </dl>
  );
}
