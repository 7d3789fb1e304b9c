import type { Connector } from "@wc/contracts";
import { DateTime } from "../../../components/ui/date-time";

/** When the checks last ran, last passed, and run next. */
export function CheckTimes({ connector }: { connector: Connector }) {
  return (
    <dl className="dl">
      <div className="dl-row">
        <dt>Last check</dt>
        <dd>
          <DateTime value={connector.lastCheckAt} empty="Not checked yet" />
        </dd>
      </div>
      <div className="dl-row">
        <dt>Last successful check</dt>
        <dd>
          <DateTime value={connector.lastSuccessAt} empty="None yet" />
        </dd>
      </div>
      <div className="dl-row">
        <dt>Next check</dt>
        <dd>
          <DateTime value={connector.nextCheckAt} empty="Not scheduled" />
        </dd>
      </div>
    </dl>
  );
}
