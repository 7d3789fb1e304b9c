import type { Connector } from "@wc/contracts";
import { DONE_PAGE_VALUES, registrationValues } from "@wc/workday";
import type { FormEvent } from "react";
import { CopyButton } from "../../../components/ui/copy-button";
import { paths } from "../../../config/paths";
import { furthestStep, laterStep } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { StepNav } from "./step-nav";
import { TableScroll } from "../../../components/ui/table-scroll";
import { NoAddressHint, TaskLink } from "./task-link";

/** The exact values for Workday's "Register API Client" task, with this connector's Redirection URI. */
export function RegisterStep({ connector }: { connector: Connector }) {
  const { send, busy } = useWizardSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send({ intent: "progress", next: "details", progress: { wizardStep: laterStep(furthestStep(connector), "details") } });
  }
  return (
    <form onSubmit={onSubmit}>
      <p>
        In Workday, run the task <TaskLink address={connector.workdayAddress} task="Register API Client" /> and enter these values. Copy is offered on the
        values you type; the others are picked from a list or ticked.
      </p>
      {connector.workdayAddress === null ? <NoAddressHint /> : null}
      <TableScroll label="Register API Client values">
        <table className="table">
          <caption>Register API Client values</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Copy</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {registrationValues(connector.redirectUri).map((v) => (
              <tr key={v.label}>
                <th scope="row">{v.label}</th>
                <td>
                  <code>{v.value}</code>
                  {v.note ? <p className="muted">{v.note}</p> : null}
                </td>
                <td>{v.typed ? <CopyButton label={v.label} value={v.value} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        On the done page, note these five values (all but the secret stay on <TaskLink address={connector.workdayAddress} task="View API Clients" />
        ):
      </p>
      <ul>
        {DONE_PAGE_VALUES.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
      <p className="warning" role="note">
        Workday shows the Client Secret only once, on that done page. Copy it before you leave the page; if it is lost, generate a new client secret in Workday.
      </p>
      <StepNav back={paths.wizard.getHref(connector.id, "tenant_setup")} busy={busy} />
    </form>
  );
}
