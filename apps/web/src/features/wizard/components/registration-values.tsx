import { DONE_PAGE_VALUES, registrationValues } from "@wc/workday";
import { CopyButton } from "../../../components/ui/copy-button";

/** The exact values for Workday's "Register API Client" task, with this connector's Redirection URI, and what to note after. */
export function RegistrationValues({ redirectUri }: { redirectUri: string }) {
  return (
    <>
      <p>
        In Workday, run the task <strong>Register API Client</strong> and enter these values.
      </p>
      <div className="table-scroll">
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
                <td>
                  <CopyButton label={v.label} value={v.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>On the done page, note these five values:</p>
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
