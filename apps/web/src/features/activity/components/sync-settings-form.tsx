import type { SyncSettings } from "@wc/contracts";
import { useFetcher } from "react-router";
import { TextField } from "../../../components/ui/text-field";
import type { SyncFormResult } from "../sync-forms";
import { FormProblem } from "./form-problem";

const FIELDS = [
  { name: "backfillDays", label: "Backfill days", min: 1, max: 90, hint: "1 to 90. How far before the connection the first sync reaches back." },
  { name: "pollIntervalMinutes", label: "Poll interval (minutes)", min: 1, max: 1440, hint: "1 to 1440. How often new activity is fetched." },
  {
    name: "lagMinutes",
    label: "Lag (minutes)",
    min: 0,
    max: 60,
    hint: "0 to 60. Each sync stops this far behind now, because Workday's newest rows can arrive late.",
  },
  { name: "retentionDays", label: "Retention (days)", min: 1, max: 3650, hint: "1 to 3650, and at least the backfill days. Older rows are deleted." },
] as const;

/** Admins only: the connector's sync settings, posted to the connector route's action. */
export function SyncSettingsForm({ settings }: { settings: SyncSettings }) {
  const fetcher = useFetcher<SyncFormResult>();
  const result = fetcher.data;
  const fields = result && !result.ok ? result.fields : {};
  return (
    <fetcher.Form method="post" noValidate className="sync-form" aria-labelledby="sync-settings-heading">
      <h3 id="sync-settings-heading">Sync settings</h3>
      <input type="hidden" name="intent" value="sync-settings" />
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          label={f.label}
          name={f.name}
          type="number"
          inputMode="numeric"
          min={f.min}
          max={f.max}
          step={1}
          hint={f.hint}
          defaultValue={settings[f.name]}
          error={fields[f.name]}
        />
      ))}
      <FormProblem result={result} fieldNames={FIELDS.map((f) => f.name)} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={fetcher.state !== "idle"}>
          Save sync settings
        </button>
        <span role="status" className="ok">
          {result?.ok && fetcher.state === "idle" ? result.message : ""}
        </span>
      </div>
    </fetcher.Form>
  );
}
