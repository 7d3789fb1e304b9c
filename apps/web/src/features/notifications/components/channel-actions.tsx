import type { ChannelView } from "@wc/contracts";
import { Form, useNavigation } from "react-router";
import { paths } from "../../../config/paths";
import type { ChannelActionResult, ChannelIntent } from "../channel-intents";
import { ActionNote } from "./action-note";

interface ActionFormProps {
  channel: ChannelView;
  intent: ChannelIntent;
  label: string;
  /** Asked before posting; Cancel sends nothing. */
  confirm?: string;
  /** Where it posts: the channel page, or the list for Delete (which then says what happened). */
  action?: string;
  danger?: boolean;
}

function ActionForm({ channel, intent, label, confirm, action = paths.notificationChannel.getHref(channel.id), danger = false }: ActionFormProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form
      method="post"
      action={action}
      onSubmit={(event) => {
        if (confirm !== undefined && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={channel.id} />
      <input type="hidden" name="name" value={channel.name} />
      <button type="submit" className={danger ? "button-danger" : undefined} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

/** What an admin can do with a channel. Support staff never see this section. */
export function ChannelActions({ channel, result }: { channel: ChannelView; result: ChannelActionResult | undefined }) {
  const mine = result && ["test", "enable", "disable", "secret"].includes(result.intent) ? result : undefined;
  // The secret has a box of its own; the test's answer sits beside its button.
  const below = mine && mine.intent !== "test" && !(mine.ok && mine.signingSecret) ? mine : undefined;
  return (
    <section aria-labelledby="channel-actions-heading">
      <h2 id="channel-actions-heading">Actions</h2>
      <div className="actions">
        <ActionForm channel={channel} intent="test" label="Send test" />
        {mine?.intent === "test" ? <ActionNote result={mine} /> : null}
      </div>
      <div className="actions">
        {channel.enabled ? <ActionForm channel={channel} intent="disable" label="Disable" /> : <ActionForm channel={channel} intent="enable" label="Enable" />}
        {channel.kind === "webhook" ? (
          <ActionForm
            channel={channel}
            intent="secret"
            label="New signing secret"
            confirm={`Replace the signing secret of "${channel.name}"? The current one stops working at once; the receiver needs the new one.`}
          />
        ) : null}
        <ActionForm
          channel={channel}
          intent="delete"
          label="Delete channel"
          action={paths.notifications.getHref()}
          confirm={`Delete the channel "${channel.name}"? Nothing more is sent to it.`}
          danger
        />
      </div>
      <ActionNote result={below} />
    </section>
  );
}
