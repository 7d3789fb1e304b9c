import { NOTIFICATION_EVENT_LABELS, type DeliveryAttempt } from "@wc/contracts";
import { useRevalidator } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { DELIVERY_OUTCOME_NAMES } from "../channel-words";
import type { DeliveriesLoad } from "../load-deliveries";
import { TableScroll } from "../../../components/ui/table-scroll";

function AttemptRow({ attempt }: { attempt: DeliveryAttempt }) {
  return (
    <tr>
      <td>
        <DateTime value={attempt.at} />
      </td>
      <td>{NOTIFICATION_EVENT_LABELS[attempt.eventType]}</td>
      <td>{attempt.attempt}</td>
      <td>
        <span className={`outcome outcome-${attempt.outcome.replace(/_/g, "-")}`}>{DELIVERY_OUTCOME_NAMES[attempt.outcome]}</span>
      </td>
      <td>{attempt.answer}</td>
      <td>
        <DateTime value={attempt.nextAttemptAt} />
      </td>
    </tr>
  );
}

function Attempts({ attempts, channelName }: { attempts: readonly DeliveryAttempt[]; channelName: string }) {
  if (attempts.length === 0) return <p>No deliveries yet. One is logged when an event this channel listens to happens, or when an admin selects Send test.</p>;
  return (
    <TableScroll label={`Delivery attempts of ${channelName}`}>
      <table className="table">
        <caption className="visually-hidden">Delivery attempts of {channelName}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Attempt</th>
            <th scope="col">Outcome</th>
            <th scope="col">Answer</th>
            <th scope="col">Next try</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <AttemptRow key={`${a.eventId}-${a.attempt}`} attempt={a} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Each attempt to deliver an event to this channel, newest first; Refresh reads it again (the page's loader). */
export function DeliveryLog({ load, channelName }: { load: DeliveriesLoad; channelName: string }) {
  const revalidator = useRevalidator();
  const refreshing = revalidator.state === "loading";
  return (
    <section aria-labelledby="deliveries-heading">
      <div className="list-header">
        <h2 id="deliveries-heading">Delivery log</h2>
        <button type="button" className="button-small" disabled={refreshing} onClick={() => void revalidator.revalidate()}>
          {refreshing ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      <p className="muted">A failed delivery is tried again a few times; each try is a row.</p>
      {load.error ? (
        <ProblemMessage message={`The delivery log could not be read. ${load.error.message}`} requestId={load.error.requestId} />
      ) : (
        <Attempts attempts={load.attempts} channelName={channelName} />
      )}
    </section>
  );
}
