import { NOTIFICATION_EVENT_LABELS, severitySchema, webhookFormatSchema, type ChannelKind, type ChannelView } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { Form, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { SelectField } from "../../../components/ui/select-field";
import { TextAreaField } from "../../../components/ui/text-area-field";
import { TextField } from "../../../components/ui/text-field";
import type { FormProblem } from "../../../lib/form-problem";
import { SEVERITY_NAMES } from "../../../lib/labels";
import { namesAField } from "../channel-request";
import { WEBHOOK_FORMAT_NAMES, type ConnectorName } from "../channel-words";
import { ConnectorChoices } from "./connector-choices";
import { EventChoices } from "./event-choices";

const FORMAT_OPTIONS = webhookFormatSchema.options.map((format) => ({ value: format, label: WEBHOOK_FORMAT_NAMES[format] }));
const SEVERITY_OPTIONS = severitySchema.options.map((s) => ({ value: s, label: s === "low" ? "Low (every alert)" : SEVERITY_NAMES[s] }));

/** A new channel starts with the event the page exists for. */
const NEW_CHANNEL_EVENTS = ["connector.status_changed"];

interface Props {
  kind: ChannelKind;
  intent: "create" | "update";
  /** Where the form posts: the route whose action handles `intent`. */
  action: string;
  connectors: readonly ConnectorName[];
  /** The channel being edited; its kind never changes. */
  channel?: ChannelView | undefined;
  problem?: FormProblem | undefined;
  submitLabel: string;
}

/**
 * A webhook or email channel, added or edited. The action checks it with the contracts schema
 * before sending; a refusal comes back as `problem`, each message on its field. The caller remounts
 * it (a new `key`) after a success, so it starts again from the saved values.
 */
export function ChannelForm({ kind, intent, action, connectors, channel, problem, submitLabel }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent && navigation.formData.get("kind") === kind;
  const form = useRef<HTMLFormElement>(null);
  const fields = problem?.fields ?? {};
  // Keyboard and screen-reader users land on the first field to fix.
  useLayoutEffect(() => {
    form.current?.querySelector<HTMLElement>(".field-invalid input, .field-invalid select, .field-invalid textarea")?.focus();
  }, [problem]);
  return (
    <Form method="post" action={action} noValidate ref={form}>
      {problem?.message && !namesAField(problem) ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="kind" value={kind} />
      {channel ? <input type="hidden" name="enabled" value={String(channel.enabled)} /> : null}
      <TextField label="Name" name="name" autoComplete="off" defaultValue={channel?.name} error={fields.name} />
      {kind === "webhook" ? (
        <>
          <TextField
            label="URL"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            hint={
              channel?.urlHint
                ? `Saved: ${channel.urlHint}. Leave empty to keep it; it is not shown in full, since such URLs often carry their own key.`
                : "The console POSTs each event here, signed with the channel's signing secret."
            }
            error={fields.url}
          />
          <SelectField label="Format" name="format" options={FORMAT_OPTIONS} defaultValue={channel?.format ?? "standard"} error={fields.format} />
        </>
      ) : (
        <TextAreaField
          label="Recipients"
          name="recipients"
          rows={3}
          spellCheck={false}
          defaultValue={channel?.recipients.join("\n")}
          hint="Email addresses, one per line or comma-separated."
          error={fields.recipients}
        />
      )}
      <EventChoices chosen={channel?.events ?? NEW_CHANNEL_EVENTS} error={fields.events} />
      <SelectField
        label="Alerts of at least"
        name="alertMinSeverity"
        options={SEVERITY_OPTIONS}
        defaultValue={channel?.alertMinSeverity ?? "low"}
        hint={`For “${NOTIFICATION_EVENT_LABELS["activity.alert"]}”: alerts of a lower severity are not sent here (a pager may take only the high ones).`}
        error={fields.alertMinSeverity}
      />
      <TextField
        label="Alert messages an hour, at most"
        name="alertHourlyLimit"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={channel?.alertHourlyLimit ?? ""}
        hint="Beyond this many in an hour, alerts are only on the Alerts page and the channel counts them. Leave empty for no limit."
        error={fields.alertHourlyLimit}
      />
      <ConnectorChoices connectors={connectors} chosen={channel ? channel.connectorIds : null} error={fields.connectorIds} />
      <button type="submit" className="button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
