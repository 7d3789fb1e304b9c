import { PREREQUISITE_NOTES, PREREQUISITES, type PrerequisiteRow } from "@wc/workday";

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
export function PrerequisitesTable({ tick }: { tick?: Ticks }) {
  return (
    <>
      <div className="table-scroll">
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
      </div>
      <ul className="notes">
        {PREREQUISITE_NOTES.map((note) => (
          <li key={note.key}>{note.text}</li>
        ))}
      </ul>
    </>
  );
}
