import { Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { paths } from "../../config/paths";
import { getConnectorNames } from "../../features/connectors/api/get-connector-names";
import { getChannel } from "../../features/notifications/api/get-channel";
import { getChannels } from "../../features/notifications/api/get-channels";
import { performChannelIntent, type ChannelActionResult } from "../../features/notifications/channel-intents";
import { ActionNote } from "../../features/notifications/components/action-note";
import { AddChannelForms } from "../../features/notifications/components/add-channel-forms";
import { ChannelActions } from "../../features/notifications/components/channel-actions";
import { ChannelForm } from "../../features/notifications/components/channel-form";
import { ChannelSummary } from "../../features/notifications/components/channel-summary";
import { ChannelsTable } from "../../features/notifications/components/channels-table";
import { DeliveryLog } from "../../features/notifications/components/delivery-log";
import { SigningSecretBox } from "../../features/notifications/components/signing-secret-box";
import { loadDeliveries } from "../../features/notifications/load-deliveries";
import { requireId } from "./params";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

/** Both roles read the channels; only admins get the forms (the BFF refuses support staff's writes anyway). */
export async function notificationsLoader({ request }: LoaderFunctionArgs) {
  const [{ channels }, connectors] = await Promise.all([getChannels(request.signal), getConnectorNames(request.signal)]);
  return { channels, connectors };
}

/** Adding a channel, and deleting one (the channel page's Delete posts here, so the list says what happened). */
export async function notificationsAction({ request }: ActionFunctionArgs) {
  return performChannelIntent(await request.formData());
}

/** The channel page: the channel, its delivery log and the connectors it may name. */
export async function notificationChannelLoader({ params, request }: LoaderFunctionArgs) {
  const id = requireId(params, "channel");
  const [channel, deliveries, connectors] = await Promise.all([
    getChannel(id, request.signal),
    loadDeliveries(id, request.signal),
    getConnectorNames(request.signal),
  ]);
  return { channel, deliveries, connectors };
}

export async function notificationChannelAction({ params, request }: ActionFunctionArgs) {
  return performChannelIntent(await request.formData(), requireId(params, "channel"));
}

/** The once-shown secret of a webhook just added or given a new secret; null when there is none to show. */
function SecretOf({ result }: { result: ChannelActionResult | undefined }) {
  if (!result?.ok || result.signingSecret === null) return null;
  return <SigningSecretBox message={result.message} secret={result.signingSecret} />;
}

/** Every channel that tells people or systems when a connector breaks; admins add them here. */
export function NotificationsRoute() {
  const { channels, connectors } = useLoaderData<typeof notificationsLoader>();
  const result = useActionData<typeof notificationsAction>();
  const { canEdit } = useRootData();
  const listed = result && (result.intent === "delete" || (result.intent === "create" && result.ok && result.signingSecret === null)) ? result : undefined;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"Notifications"} />
      <h1>Notifications</h1>
      <p>
        Channels tell people and other systems when a connector breaks or recovers, a sandbox refresh is coming, activity stops arriving, consent completes or
        an activity policy raises an alert.
      </p>
      <SecretOf result={result} />
      <ActionNote result={listed} />
      <ChannelsTable channels={channels} connectors={connectors} />
      {canEdit ? <AddChannelForms connectors={connectors} result={result} /> : <p className="muted">Only admins can add or change channels.</p>}
    </main>
  );
}

/** One channel: what it sends and where, its delivery log, and for admins its actions and the edit form. */
export function NotificationChannelRoute() {
  const { channel, deliveries, connectors } = useLoaderData<typeof notificationChannelLoader>();
  const result = useActionData<typeof notificationChannelAction>();
  const { canEdit } = useRootData();
  const update = result?.intent === "update" ? result : undefined;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={channel.name} />
      <div className="page-header">
        <h1>{channel.name}</h1>
        <Link to={paths.notifications.getHref()}>Back to Notifications</Link>
      </div>
      <SecretOf result={result} />
      <section aria-labelledby="channel-heading">
        <h2 id="channel-heading">Channel</h2>
        <ChannelSummary channel={channel} connectors={connectors} />
      </section>
      {canEdit ? <ChannelActions channel={channel} result={result} /> : null}
      <DeliveryLog load={deliveries} channelName={channel.name} />
      {canEdit ? (
        <section aria-labelledby="edit-channel-heading" className="channel-form">
          <h2 id="edit-channel-heading">Edit</h2>
          <ActionNote result={update?.ok ? update : undefined} />
          <ChannelForm
            key={channel.updatedAt}
            kind={channel.kind}
            intent="update"
            action={paths.notificationChannel.getHref(channel.id)}
            connectors={connectors}
            channel={channel}
            problem={update && !update.ok ? update.problem : undefined}
            submitLabel="Save changes"
          />
        </section>
      ) : null}
    </main>
  );
}
