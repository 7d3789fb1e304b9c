import { NOTIFICATION_EVENT_LABELS, type ChannelView } from "@wc/contracts";
import { SEVERITY_NAMES } from "../../../lib/labels";

/** The events a channel is sent, in words; alerts with the lowest severity it takes when that is not every alert. */
export function ChannelEvents({ channel }: { channel: Pick<ChannelView, "events" | "alertMinSeverity"> }) {
  return (
    <ul className="plain-list">
      {channel.events.map((event) => (
        <li key={event}>
          {NOTIFICATION_EVENT_LABELS[event]}
          {event === "activity.alert" && channel.alertMinSeverity !== "low" ? ` (${SEVERITY_NAMES[channel.alertMinSeverity]} and above)` : null}
        </li>
      ))}
    </ul>
  );
}
