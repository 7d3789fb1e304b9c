import { NOTIFICATION_EVENT_LABELS, SUBSCRIBABLE_EVENTS } from "@wc/contracts";
import { useId } from "react";

/** The events a channel is sent, one checkbox each, in the words of the contracts. */
export function EventChoices({ chosen, error }: { chosen: readonly string[]; error?: string | undefined }) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset className={["field", "choices", error ? "field-invalid" : null].filter(Boolean).join(" ")} aria-describedby={error ? errorId : undefined}>
      <legend>Events</legend>
      {SUBSCRIBABLE_EVENTS.map((event) => (
        <label key={event} className="checkbox">
          <input type="checkbox" name="events" value={event} defaultChecked={chosen.includes(event)} />
          {NOTIFICATION_EVENT_LABELS[event]}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
