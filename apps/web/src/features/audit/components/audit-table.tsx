import type { AuditEntry } from "@wc/contracts";
import { UtcTime } from "../../../components/ui/utc-time";
import { changeLines } from "../audit-change";
import { AUDIT_ACTION_LABELS } from "../audit-labels";
import { TableScroll } from "../../../components/ui/table-scroll";

function Change({ entry }: { entry: AuditEntry }) {
  const lines = changeLines(entry.before, entry.after);
  if (lines.length === 0) return <>—</>;
  return (
    <ul className="change-list">
      {lines.map((line) => (
        <li key={line.key}>{line.text}</li>
      ))}
    </ul>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  if (entry.targetId === null && entry.targetName === null) return <>—</>;
  return (
    <>
      {entry.targetName ?? entry.targetId}
      {entry.targetType || (entry.targetName && entry.targetId) ? (
        <p className="muted">
          {entry.targetType}
          {entry.targetName && entry.targetId ? ` ${entry.targetId}` : null}
        </p>
      ) : null}
    </>
  );
}

/** The log as the BFF sends it: newest first. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p>No audit entries match these filters. Try a wider time range, another action, or Clear filters.</p>;
  return (
    <TableScroll label="Audit log entries">
      <table className="table">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">From</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>
                <UtcTime value={e.at} />
              </td>
              <td>{e.actorName}</td>
              <td>{AUDIT_ACTION_LABELS[e.action]}</td>
              <td>
                <Target entry={e} />
              </td>
              <td>{e.ip ?? "—"}</td>
              <td>
                <Change entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
