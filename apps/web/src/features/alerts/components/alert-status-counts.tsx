import { ALERT_STATUSES, type AlertListResponse, type AlertStatus } from "@wc/contracts";
import { Link } from "react-router";
import { paths } from "../../../config/paths";
import { ALERT_STATUS_NAMES } from "../../../lib/labels";
import { formatCount } from "../../../lib/numbers";
import { statusQuery, type AlertSearch } from "../alert-search";

/** "Open (3)": the counts under the other filters, as links that filter by status; the current one is marked. */
export function AlertStatusCounts({ counts, search }: { counts: AlertListResponse["counts"]; search: AlertSearch }) {
  const total = ALERT_STATUSES.reduce((n, s) => n + counts[s], 0);
  const link = (label: string, status: AlertStatus | null) => (
    <Link
      to={paths.alerts.getHref(statusQuery(search, status))}
      aria-current={(search.values.status ?? null) === status ? "true" : undefined}
      className="status-count"
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Filter by status" className="status-counts">
      <ul>
        <li>{link(`All (${formatCount(total)})`, null)}</li>
        {ALERT_STATUSES.map((s) => (
          <li key={s}>{link(`${ALERT_STATUS_NAMES[s]} (${formatCount(counts[s])})`, s)}</li>
        ))}
      </ul>
    </nav>
  );
}
