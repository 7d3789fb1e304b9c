import { STATUS_LABELS, type TimelineEntry } from "@wc/contracts";
import { DateTime } from "../../../components/ui/date-time";
import { reasonTitle } from "../../../components/ui/troubleshooting-entry";
import { TableScroll } from "../../../components/ui/table-scroll";

/** Every status change, newest first as the server sends it. */
export function ConnectorTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p>No status changes yet.</p>;
  return (
    <TableScroll label="Status changes">
      <table className="table">
        <caption className="visually-hidden">Status changes</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td>
                <DateTime value={e.at} />
              </td>
              <td>
                {e.from ? STATUS_LABELS[e.from] : "Created"} → {STATUS_LABELS[e.to]}
              </td>
              <td>{e.reasonCode === null ? "—" : reasonTitle(e.reasonCode)}</td>
              <td>{e.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
