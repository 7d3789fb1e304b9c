import type { ChannelKind } from "@wc/contracts";
import { paths } from "../../../config/paths";
import type { ChannelActionResult } from "../channel-intents";
import type { ConnectorName } from "../channel-words";
import { ChannelForm } from "./channel-form";

const HEADINGS: Record<ChannelKind, string> = { webhook: "Add webhook", email: "Add email" };

function AddChannel({ kind, connectors, result }: { kind: ChannelKind; connectors: readonly ConnectorName[]; result: ChannelActionResult | undefined }) {
  const headingId = `add-${kind}-heading`;
  const mine = result?.intent === "create" && result.kind === kind ? result : undefined;
  const problem = mine && !mine.ok ? mine.problem : undefined;
  // A new key after each channel added empties the form.
  const key = mine?.ok ? mine.channelId : "new";
  return (
    <section aria-labelledby={headingId} className="channel-form">
      <h2 id={headingId}>{HEADINGS[kind]}</h2>
      <ChannelForm
        key={key}
        kind={kind}
        intent="create"
        action={paths.notifications.getHref()}
        connectors={connectors}
        problem={problem}
        submitLabel={HEADINGS[kind]}
      />
    </section>
  );
}

/** Admins only: a webhook (Standard Webhooks, Slack or Teams) or an email channel. */
export function AddChannelForms({ connectors, result }: { connectors: readonly ConnectorName[]; result: ChannelActionResult | undefined }) {
  return (
    <div className="channel-forms">
      <AddChannel kind="webhook" connectors={connectors} result={result} />
      <AddChannel kind="email" connectors={connectors} result={result} />
    </div>
  );
}
