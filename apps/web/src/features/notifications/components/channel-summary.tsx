import type { ChannelView } from "@wc/contracts";
import type { ReactNode } from "react";
import { DateTime } from "../../../components/ui/date-time";
import { CHANNEL_KIND_NAMES, connectorsText, WEBHOOK_FORMAT_NAMES, type ConnectorName } from "../channel-words";
import { ChannelEvents } from "./channel-events";
import { LastAttempt } from "./last-attempt";

/** The hourly alert limit, and how many alerts it kept from the channel: they are on the Alerts page, not lost. */
function AlertLimit({ channel }: { channel: ChannelView }) {
  const limit = channel.alertHourlyLimit === null ? "No limit" : `At most ${channel.alertHourlyLimit.toLocaleString("en")}`;
  if (channel.alertsHeldBack === 0 || channel.lastHeldBackAt === null) return <>{limit}</>;
  const n = channel.alertsHeldBack;
  return (
    <>
      {limit}. {n.toLocaleString("en")} {n === 1 ? "alert was" : "alerts were"} not sent because of the limit, the last{" "}
      <DateTime value={channel.lastHeldBackAt} />; they are on the Alerts page.
    </>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a channel sends, where, and about which connectors. A webhook's signing secret is never part of it. */
export function ChannelSummary({ channel, connectors }: { channel: ChannelView; connectors: readonly ConnectorName[] }) {
  return (
    <dl className="dl">
      <Item term="Kind">{CHANNEL_KIND_NAMES[channel.kind]}</Item>
      {channel.kind === "webhook" ? (
        <>
          <Item term="URL">{channel.urlHint}</Item>
          <Item term="Format">{channel.format ? WEBHOOK_FORMAT_NAMES[channel.format] : "—"}</Item>
        </>
      ) : (
        <Item term="Recipients">{channel.recipients.join(", ")}</Item>
      )}
      <Item term="Events">
        <ChannelEvents channel={channel} />
      </Item>
      {channel.events.includes("activity.alert") ? (
        <Item term="Alerts an hour">
          <AlertLimit channel={channel} />
        </Item>
      ) : null}
      <Item term="Connectors">{connectorsText(channel.connectorIds, connectors)}</Item>
      <Item term="Enabled">{channel.enabled ? "Yes" : "No: nothing is sent"}</Item>
      <Item term="Last attempt">
        <LastAttempt attempt={channel.lastAttempt} />
      </Item>
      <Item term="Last changed">
        <DateTime value={channel.updatedAt} />
      </Item>
    </dl>
  );
}
