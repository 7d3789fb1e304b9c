import type { ChannelView } from "@wc/contracts";
import { DateTime } from "../../../components/ui/date-time";
import { DELIVERY_OUTCOME_NAMES } from "../channel-words";

/** The newest delivery attempt: its outcome in words, when, and what the receiver answered. */
export function LastAttempt({ attempt }: { attempt: ChannelView["lastAttempt"] }) {
  if (attempt === null) return <>No deliveries yet</>;
  return (
    <>
      <span className={`outcome outcome-${attempt.outcome.replace(/_/g, "-")}`}>{DELIVERY_OUTCOME_NAMES[attempt.outcome]}</span>
      <span className="muted">
        {" "}
        <DateTime value={attempt.at} /> · {attempt.answer}
      </span>
    </>
  );
}
