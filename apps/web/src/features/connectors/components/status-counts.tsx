import { CONNECTOR_STATUSES } from "@wc/workday";
import { STATUS_LABELS, type ConnectorStatus, type StatusCounts as Counts } from "@wc/contracts";
import { Link } from "react-router";
import { formatCount } from "../../../lib/numbers";
import { connectorsHref, statusesOf, type ConnectorSearch } from "../connector-search";
import { STATUS_GROUPS } from "../status-groups";

const sum = (counts: Counts, statuses: readonly ConnectorStatus[]) => statuses.reduce((n, s) => n + counts[s], 0);

/**
 * The counts of the whole console as links that filter the list ("3 need attention"): the
 * current one is marked, so the filter in the URL is also what the page says it shows.
 */
export function StatusCounts({ counts, search }: { counts: Counts; search: ConnectorSearch }) {
  const chosen = statusesOf(search);
  const link = (label: string, statuses: readonly ConnectorStatus[] | null) => {
    const current = statuses === null ? chosen.size === 0 : chosen.size === statuses.length && statuses.every((s) => chosen.has(s));
    return (
      <Link to={connectorsHref(search, { status: statuses?.join(",") ?? null })} aria-current={current ? "true" : undefined} className="status-count">
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label="Filter by status" className="status-counts">
      <ul>
        <li>{link(`All ${formatCount(sum(counts, CONNECTOR_STATUSES))}`, null)}</li>
        {STATUS_GROUPS.map((g) => (
          <li key={g.statuses.join(",")}>
            {link(g.label(formatCount(sum(counts, g.statuses))), g.statuses)}
            {g.statuses.length > 1 ? (
              <ul>
                {g.statuses
                  .filter((s) => counts[s] > 0 || chosen.has(s))
                  .map((s) => (
                    <li key={s}>{link(`${STATUS_LABELS[s]} ${formatCount(counts[s])}`, [s])}</li>
                  ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
