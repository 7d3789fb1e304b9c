import { useFetcher } from "react-router";
import { TextField } from "../../../components/ui/text-field";
import type { SyncFormResult } from "../sync-forms";
import { FormProblem } from "./form-problem";

/** Admins only: fetch a window again (datetime-local values read as UTC). */
export function ResyncForm() {
  const fetcher = useFetcher<SyncFormResult>();
  const result = fetcher.data;
  const fields = result && !result.ok ? result.fields : {};
  return (
    <fetcher.Form method="post" noValidate className="sync-form" aria-labelledby="resync-heading">
      <h3 id="resync-heading">Re-sync a window</h3>
      <p className="muted">Fetches the window from Workday again. Rows already stored are kept; missing rows are added.</p>
      <input type="hidden" name="intent" value="resync" />
      <div className="field-row">
        <TextField label="From (UTC)" name="from" type="datetime-local" error={fields.from} />
        <TextField label="To (UTC)" name="to" type="datetime-local" error={fields.to} />
      </div>
      <FormProblem result={result} fieldNames={["from", "to"]} />
      <div className="actions">
        <button type="submit" disabled={fetcher.state !== "idle"}>
          Re-sync
        </button>
        <span role="status" className="ok">
          {result?.ok && fetcher.state === "idle" ? result.message : ""}
        </span>
      </div>
    </fetcher.Form>
  );
}
