import type { ChannelView } from "@wc/contracts";
import { Link } from "react-router";
import { paths } from "../../../config/paths";
import { CHANNEL_KIND_NAMES, channelTarget, connectorsText, WEBHOOK_FORMAT_NAMES, type ConnectorName } from "../channel-words";
import { ChannelEvents } from "./channel-events";
import { LastAttempt } from "./last-attempt";
import { TableScroll } from "../../../components/ui/table-scroll";

function Row({ channel, connectors }: { channel: ChannelView; connectors: readonly ConnectorName[] }) {
  return (
    <tr>
      <td>
        <Link to={paths.notificationChannel.getHref(channel.id)}>{channel.name}</Link>
      </td>
      <td>
        {CHANNEL_KIND_NAMES[channel.kind]}
        {channel.format ? <span className="muted"> ({WEBHOOK_FORMAT_NAMES[channel.format]})</span> : null}
      </td>
      <td className="channel-target">{channelTarget(channel)}</td>
      <td>
        <ChannelEvents channel={channel} />
      </td>
      <td>{connectorsText(channel.connectorIds, connectors)}</td>
      <td>{channel.enabled ? "Yes" : "No"}</td>
      <td>
        <LastAttempt attempt={channel.lastAttempt} />
      </td>
    </tr>
  );
}

/** Every channel; its name opens the channel page with its delivery log (and, for admins, its actions). */
export function ChannelsTable({ channels, connectors }: { channels: readonly ChannelView[]; connectors: readonly ConnectorName[] }) {
  if (channels.length === 0) return <p>No channels yet. Nobody is told when a connector breaks until a webhook or email channel is added.</p>;
  return (
    <TableScroll label="Notification channels">
      <table className="table">
        <caption className="visually-hidden">Notification channels</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Target</th>
            <th scope="col">Events</th>
            <th scope="col">Connectors</th>
            <th scope="col">Enabled</th>
            <th scope="col">Last attempt</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <Row key={c.id} channel={c} connectors={connectors} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
