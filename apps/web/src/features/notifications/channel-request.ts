import { channelRequestSchema, type ChannelKind, type ChannelRequest, type ChannelView } from "@wc/contracts";
import { formText, type FormProblem } from "../../lib/form-problem";

/** The form's field names; a message for any other field is shown above the form. */
export const CHANNEL_FIELDS = ["name", "url", "format", "recipients", "events", "alertMinSeverity", "alertHourlyLimit", "connectorIds"] as const;

/** "One per line or comma-separated": semicolons too, as mail clients copy them. */
export function splitRecipients(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

/** Empty: no limit; a number as typed; anything else as text, for the schema to say what to enter. */
const limitOf = (text: string): number | string | null => {
  const t = text.trim().replace(/[\s,]/g, "");
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
};

const texts = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

/** What the channel form sent, in the shape the contracts schema checks. `kind` is the form's own, never the reader's. */
function rawRequest(form: FormData, kind: ChannelKind, recipients: string[]): Record<string, unknown> {
  const common = {
    kind,
    name: formText(form, "name"),
    events: texts(form, "events"),
    connectorIds: formText(form, "connectors") === "chosen" ? texts(form, "connectorIds") : null,
    alertMinSeverity: formText(form, "alertMinSeverity") || "low",
    alertHourlyLimit: limitOf(formText(form, "alertHourlyLimit")),
    enabled: formText(form, "enabled") !== "false",
  };
  // An empty URL on an edit keeps the saved one, which is never shown back (webhookUrlHint).
  const url = formText(form, "url");
  return kind === "webhook" ? { ...common, ...(url === "" ? {} : { url }), format: formText(form, "format") || "standard" } : { ...common, recipients };
}

/**
 * Field messages keyed by the form's field names. zod names a recipient by its index and the BFF
 * by `recipients.2`; the message then says which address, since they all share one text area.
 */
function byField(entries: Iterable<readonly [readonly PropertyKey[], string]>, recipients: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [[key, index], message] of entries) {
    if (typeof key !== "string" || key in fields) continue;
    const address = key === "recipients" && index !== undefined ? recipients[Number(index)] : undefined;
    fields[key] = address ? `${address}: ${message}` : message;
  }
  return fields;
}

/** The channel form checked with the schema the BFF uses, so a mistake is shown without a round trip. */
export function channelRequestFrom(
  form: FormData,
  kind: ChannelKind,
  o: { creating: boolean },
): { ok: true; request: ChannelRequest } | { ok: false; problem: FormProblem } {
  const recipients = splitRecipients(formText(form, "recipients"));
  const raw = rawRequest(form, kind, recipients);
  if (o.creating && kind === "webhook" && raw.url === undefined) {
    return { ok: false, problem: { message: null, fields: { url: "Enter the URL the console should POST to." } } };
  }
  const parsed = channelRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  return {
    ok: false,
    problem: {
      message: null,
      fields: byField(
        parsed.error.issues.map((i) => [i.path, i.message] as const),
        recipients,
      ),
    },
  };
}

/** The BFF's refusal of `request`, with its field keys (`recipients.2`) turned into the form's. */
export function problemFromRefusal(problem: FormProblem, request: ChannelRequest): FormProblem {
  const recipients = request.kind === "email" ? request.recipients : [];
  const fields = byField(
    Object.entries(problem.fields).map(([key, message]) => [key.split("."), message] as const),
    recipients,
  );
  return { ...problem, fields };
}

/** The channel as a request that changes nothing, to change one thing in (Enable/Disable). */
export function requestFromView(channel: ChannelView, changes: Partial<Pick<ChannelView, "enabled">> = {}): ChannelRequest {
  const common = {
    name: channel.name,
    events: channel.events,
    connectorIds: channel.connectorIds,
    alertMinSeverity: channel.alertMinSeverity,
    alertHourlyLimit: channel.alertHourlyLimit,
    enabled: channel.enabled,
    ...changes,
  };
  return channel.kind === "webhook"
    ? { kind: "webhook", ...common, format: channel.format ?? "standard" }
    : { kind: "email", ...common, recipients: channel.recipients };
}

/** Whether a problem names a field the form shows; if not, its message goes above the form. */
export function namesAField(problem: FormProblem): boolean {
  return Object.keys(problem.fields).some((key) => (CHANNEL_FIELDS as readonly string[]).includes(key));
}
