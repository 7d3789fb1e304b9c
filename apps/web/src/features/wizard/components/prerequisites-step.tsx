import type { Connector } from "@wc/contracts";
import { PREREQUISITE_NOTES, PREREQUISITES, verifySetup, type PrerequisiteRow } from "@wc/workday";
import { useState, type FormEvent } from "react";
import { paths } from "../../../config/paths";
import { furthestStep, laterStep } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { ProvedByChecks } from "./proved-by-checks";
import { StepNav } from "./step-nav";
import { TableScroll } from "../../../components/ui/table-scroll";
import { NoAddressHint, TaskLink } from "./task-link";

const rowLabel = (row: PrerequisiteRow) => `Done: ${row.domainPolicy}${row.subdomainPolicy ? ` › ${row.subdomainPolicy}` : ""}`;

/** The security group's permissions in Workday, one row per domain security policy, each ticked when done. */
export function PrerequisitesStep({ connector }: { connector: Connector }) {
  const [ticks, setTicks] = useState<Record<string, boolean>>(() => ({ ...connector.prerequisites }));
  const { send, busy } = useWizardSubmit();
  const proved = verifySetup(connector.lastChecks);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const wizardStep = laterStep(furthestStep(connector), "tenant_setup");
    send({ intent: "progress", next: "tenant_setup", progress: { wizardStep, prerequisites: ticks } });
  }

  return (
    <form onSubmit={onSubmit}>
      <p>The Workday account that grants consent needs a security group with these permissions. Ask a Workday administrator to set them, then tick each row.</p>
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
              <th scope="col">Done</th>
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
                <td>
                  <ProvedByChecks state={proved[row.key]} />
                  <input
                    type="checkbox"
                    aria-label={rowLabel(row)}
                    checked={ticks[row.key] ?? false}
                    onChange={(e) => setTicks({ ...ticks, [row.key]: e.target.checked })}
                  />
                </td>
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
        Open in Workday: <TaskLink address={connector.workdayAddress} task="Domain Security Policies for Functional Area" /> ·{" "}
        <TaskLink address={connector.workdayAddress} task="Activate Pending Security Policy Changes" />
      </p>
      {connector.workdayAddress === null ? <NoAddressHint /> : null}
      <StepNav back={paths.wizard.getHref(connector.id, "name")} busy={busy} />
    </form>
  );
}
