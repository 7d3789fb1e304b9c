import { channelKindSchema, type ChannelKind } from "@wc/contracts";
import { formText, orProblem, type FormProblem } from "../../lib/form-problem";
import { createChannel } from "./api/create-channel";
import { deleteChannel } from "./api/delete-channel";
import { getChannel } from "./api/get-channel";
import { replaceSigningSecret } from "./api/replace-signing-secret";
import { sendTest } from "./api/send-test";
import { updateChannel } from "./api/update-channel";
import { channelRequestFrom, problemFromRefusal, requestFromView } from "./channel-request";
import { CHANNEL_KIND_NAMES } from "./channel-words";

export type ChannelIntent = "create" | "update" | "enable" | "disable" | "test" | "secret" | "delete";

/**
 * What the Notifications pages show after an action. `kind` is the channel form's, so only that
 * form shows the result. `signingSecret` is the once-shown webhook secret: it lives only in this
 * answer, which the router forgets on the next navigation.
 */
export type ChannelActionResult =
  | { intent: ChannelIntent; ok: true; kind: ChannelKind | null; message: string; channelId: string; signingSecret: string | null }
  | { intent: ChannelIntent; ok: false; kind: ChannelKind | null; problem: FormProblem };

interface Done {
  message: string;
  channelId: string;
  kind?: ChannelKind;
  signingSecret?: string | null;
}

const done = (intent: ChannelIntent, { message, channelId, kind, signingSecret }: Done): ChannelActionResult => ({
  intent,
  ok: true,
  kind: kind ?? null,
  message,
  channelId,
  signingSecret: signingSecret ?? null,
});
const refused = (intent: ChannelIntent, problem: FormProblem, kind: ChannelKind | null = null): ChannelActionResult => ({ intent, ok: false, kind, problem });

function kindOf(form: FormData): ChannelKind {
  const kind = channelKindSchema.safeParse(formText(form, "kind"));
  if (!kind.success) throw new Error("The channel form always says whether it is a webhook or an email channel.");
  return kind.data;
}

async function create(form: FormData): Promise<ChannelActionResult> {
  const kind = kindOf(form);
  const checked = channelRequestFrom(form, kind, { creating: true });
  if (!checked.ok) return refused("create", checked.problem, kind);
  const result = await orProblem(() => createChannel(checked.request));
  if (!result.ok) return refused("create", problemFromRefusal(result.problem, checked.request), kind);
  const { channel, signingSecret } = result.value;
  return done("create", {
    message: `Added the ${CHANNEL_KIND_NAMES[kind].toLowerCase()} channel ${channel.name}.`,
    channelId: channel.id,
    kind,
    signingSecret,
  });
}

async function update(id: string, form: FormData): Promise<ChannelActionResult> {
  const kind = kindOf(form);
  const checked = channelRequestFrom(form, kind, { creating: false });
  if (!checked.ok) return refused("update", checked.problem, kind);
  const result = await orProblem(() => updateChannel(id, checked.request));
  if (!result.ok) return refused("update", problemFromRefusal(result.problem, checked.request), kind);
  return done("update", { message: `Saved ${result.value.name}.`, channelId: id, kind });
}

/** Reads the channel first: the BFF replaces a channel whole, and this must not undo someone else's edit. */
async function setEnabled(id: string, enabled: boolean): Promise<ChannelActionResult> {
  const intent = enabled ? "enable" : "disable";
  const result = await orProblem(async () => updateChannel(id, requestFromView(await getChannel(id), { enabled })));
  if (!result.ok) return refused(intent, result.problem);
  const { name } = result.value;
  const message = enabled ? `${name} is enabled.` : `${name} is disabled: nothing is sent until it is enabled again.`;
  return done(intent, { message, channelId: id });
}

async function test(id: string): Promise<ChannelActionResult> {
  const result = await orProblem(() => sendTest(id));
  return result.ok ? done("test", { message: "Test queued", channelId: id }) : refused("test", result.problem);
}

async function newSecret(id: string, name: string): Promise<ChannelActionResult> {
  const result = await orProblem(() => replaceSigningSecret(id));
  if (!result.ok) return refused("secret", result.problem);
  const message = `New signing secret for ${name}. The old one no longer works.`;
  return done("secret", { message, channelId: id, signingSecret: result.value.signingSecret });
}

async function remove(id: string, name: string): Promise<ChannelActionResult> {
  const result = await orProblem(() => deleteChannel(id));
  return result.ok ? done("delete", { message: `Deleted the channel ${name}.`, channelId: id }) : refused("delete", result.problem);
}

/**
 * The Notifications pages' forms, by their `intent`. A channel form is checked with the contracts
 * schema before anything is sent; the BFF's refusals come back as messages on the same fields.
 * `id` is the channel page's; the list's Delete names its channel in the form.
 */
export async function performChannelIntent(form: FormData, id = formText(form, "id")): Promise<ChannelActionResult> {
  const name = formText(form, "name");
  switch (form.get("intent")) {
    case "create":
      return create(form);
    case "update":
      return update(id, form);
    case "enable":
      return setEnabled(id, true);
    case "disable":
      return setEnabled(id, false);
    case "test":
      return test(id);
    case "secret":
      return newSecret(id, name);
    case "delete":
      return remove(id, name);
    default:
      throw new Error("The Notifications pages only know the create, update, enable, disable, test, secret and delete actions.");
  }
}
