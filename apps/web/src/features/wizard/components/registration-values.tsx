import { DONE_PAGE_VALUES, registrationValues } from "@wc/workday";
import { TableScroll } from "../../../components/ui/table-scroll";
import { CopyButton } from "../../../components/ui/copy-button";
import { NoAddressHint, TaskLink } from "./task-link";

/** The exact values for Workday's "Register API Client" task, with this connector's Redirection URI, and what to note after. */
export function RegistrationValues({ redirectUri, address, addressHint = false }: { redirectUri: string; address: string | null; addressHint?: boolean }) {
  return (
    <>
      <p>
        In Workday, run the task <TaskLink address={address} task="Register API Client" /> and enter these values. Copy is offered on the values you type; the
        others are picked from a list or ticked.
      </p>
      {address === null && addressHint ? <NoAddressHint /> : null}
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
            {registrationValues(redirectUri).map((v) => (
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
        On the done page, note these five values (all but the secret stay on <TaskLink address={address} task="View API Clients" />
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
    </>
  );
}
