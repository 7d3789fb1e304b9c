import { PREREQUISITE_NOTES, PREREQUISITES, type PrerequisiteRow, type SetupCheckState, type SetupKey } from "@wc/workday";
import { TableScroll } from "../../../components/ui/table-scroll";
import { ProvedByChecks } from "./proved-by-checks";
import { NoAddressHint, TaskLink } from "./task-link";

const rowLabel = (row: PrerequisiteRow) => `Done: ${row.domainPolicy}${row.subdomainPolicy ? ` › ${row.subdomainPolicy}` : ""}`;

interface Ticks {
  ticks: Record<string, boolean>;
  onTick: (key: string, done: boolean) => void;
}

/**
 * The security group's permissions in Workday, one row per domain security policy, and the notes
 * under them. With `tick`, each row has its Done box (the wizard); without, it is the list to
 * follow (the hand-off page).
 */
export function PrerequisitesTable({
  tick,
  address,
  addressHint = false,
  proved = {},
}: {
  tick?: Ticks;
  address: string | null;
  /** In the wizard the admin can still give the address; on the hand-off page nobody can. */
  addressHint?: boolean;
  proved?: Partial<Record<SetupKey, SetupCheckState>>;
}) {
  return (
    <>
      <TableScroll label="Security group permissions">
        <table className="table">
          <caption>Security group permissions</caption>
          <thead>
            <tr>
              <th scope="col">Functional area</th>
              <th scope="col">Domain security policy</th>
              <th scope="col">Subdomain security policy</th>
              <th scope="col">Report/Task permissions</th>
              <th scope="col">Integration permissions</th>
              {tick ? <th scope="col">Done</th> : null}
            </tr>
          </thead>
          <tbody>
            {PREREQUISITES.map((row) => (
              <tr key={row.key}>
                <td>{row.functionalArea}</td>
                <td>{row.domainPolicy}</td>
                <td>{row.subdomainPolicy ?? "—"}</td>
                <td>{row.reportTaskPermissions}</td>
                <td>{row.integrationPermissions}</td>
                {tick ? (
                  <td>
                    <ProvedByChecks state={proved[row.key]} />
                    <input
                      type="checkbox"
                      aria-label={rowLabel(row)}
                      checked={tick.ticks[row.key] ?? false}
                      onChange={(e) => tick.onTick(row.key, e.target.checked)}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul className="notes">
        {PREREQUISITE_NOTES.map((note) => (
          <li key={note.key}>{note.text}</li>
        ))}
      </ul>
      <p>
        Open in Workday: <TaskLink address={address} task="Domain Security Policies for Functional Area" /> ·{" "}
        <TaskLink address={address} task="Activate Pending Security Policy Changes" />
      </p>
      {address === null && addressHint ? <NoAddressHint /> : null}
    </>
  );
}
