import { useId } from "react";
import { TextField } from "../../../components/ui/text-field";
import type { PolicyDraft } from "../policy-draft";
import { COMMON_TIME_ZONES, DAYS } from "../policy-words";
import { FieldGroup } from "./field-group";

type Hours = Pick<PolicyDraft, "hoursOn" | "timeZone" | "days" | "start" | "end">;

interface Props {
  draft: Hours;
  fields: Readonly<Record<string, string>>;
  onChange: (change: Partial<Hours>) => void;
}

/** "Only outside working hours": the hours are the organisation's, in its own time zone. */
export function WorkingHoursFields({ draft, fields, onChange }: Props) {
  const zones = `${useId()}-zones`;
  const toggleDay = (day: number, on: boolean) => onChange({ days: on ? [...draft.days, day].sort((a, b) => a - b) : draft.days.filter((d) => d !== day) });
  return (
    <div className={["field", "policy-option", fields.outsideHours ? "field-invalid" : null].filter(Boolean).join(" ")}>
      <label className="checkbox">
        <input type="checkbox" checked={draft.hoursOn} onChange={(e) => onChange({ hoursOn: e.currentTarget.checked })} />
        Only outside working hours
      </label>
      {fields.outsideHours ? (
        <p className="field-error" role="alert">
          {fields.outsideHours}
        </p>
      ) : null}
      {draft.hoursOn ? (
        <div className="working-hours">
          <TextField
            label="Time zone"
            list={zones}
            autoComplete="off"
            spellCheck={false}
            value={draft.timeZone}
            onChange={(e) => onChange({ timeZone: e.currentTarget.value })}
            hint="A name like Europe/Paris or America/New_York."
            error={fields["outsideHours.timeZone"]}
          />
          <datalist id={zones}>
            {COMMON_TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <FieldGroup legend="Working days" error={fields["outsideHours.days"]} className="days">
            {DAYS.map(({ day, name, long }) => (
              <label key={day} className="checkbox">
                <input type="checkbox" checked={draft.days.includes(day)} onChange={(e) => toggleDay(day, e.currentTarget.checked)} aria-label={long} />
                {name}
              </label>
            ))}
          </FieldGroup>
          <div className="field-row">
            <TextField
              label="Start"
              type="time"
              value={draft.start}
              onChange={(e) => onChange({ start: e.currentTarget.value })}
              error={fields["outsideHours.start"]}
            />
            <TextField
              label="End"
              type="time"
              value={draft.end}
              onChange={(e) => onChange({ end: e.currentTarget.value })}
              error={fields["outsideHours.end"]}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
