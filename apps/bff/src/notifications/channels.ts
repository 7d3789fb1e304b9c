import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { webhookUrlHint, type channelRequestSchema, type ChannelView, type DeliveryAttempt } from "@wc/contracts";
import { AppError, notFound } from "../platform/http/app-error";
import type { Keyring } from "../platform/crypto/crypto";
import { sealSecret } from "../workday";
import type { Store } from "../store/types";
import type { ChannelRecord } from "./notification-store";
import { newSigningSecret } from "./signing";

export type ChannelInput = z.output<typeof channelRequestSchema>;

export interface ChannelDeps {
  store: Store;
  keyring: Keyring;
  now: () => Date;
  /** Why the console may not POST to this URL (NOTIFY_ALLOWED_HOSTS), or null. */
  targetProblem: (url: string) => string | null;
}

async function checkInput(d: ChannelDeps, b: ChannelInput): Promise<void> {
  if (b.kind === "webhook" && b.url !== undefined) {
    const problem = d.targetProblem(b.url);
    if (problem) throw new AppError(400, "validation_failed", problem, { url: problem });
  }
  for (const id of b.connectorIds ?? []) {
    if (!(await d.store.getConnector(id))) {
      throw new AppError(400, "validation_failed", "A chosen connector does not exist (it may have been deleted).", {
        connectorIds: `No connector with id ${id}: choose again.`,
      });
    }
  }
}

/** The channel's fields from a request; a webhook URL left out keeps the saved one. */
function fieldsOf(d: ChannelDeps, id: string, b: ChannelInput, before: ChannelRecord | null) {
  const url = b.kind === "webhook" ? b.url : undefined;
  return {
    name: b.name,
    ...(url !== undefined
      ? { urlEnc: sealSecret(d.keyring, id, "webhookUrl", url), urlHint: webhookUrlHint(url) }
      : { urlEnc: b.kind === "webhook" ? (before?.urlEnc ?? null) : null, urlHint: b.kind === "webhook" ? (before?.urlHint ?? null) : null }),
    format: b.kind === "webhook" ? b.format : null,
    recipients: b.kind === "email" ? b.recipients : [],
    events: b.events,
    connectorIds: b.connectorIds,
    alertMinSeverity: b.alertMinSeverity,
    alertHourlyLimit: b.alertHourlyLimit,
    enabled: b.enabled,
  };
}

/** A webhook channel gets a signing secret, returned here once and stored sealed. */
export async function createChannel(d: ChannelDeps, b: ChannelInput): Promise<{ channel: ChannelRecord; signingSecret: string | null }> {
  if (b.kind === "webhook" && b.url === undefined) {
    const message = "Enter the URL the console should POST to.";
    throw new AppError(400, "validation_failed", message, { url: message });
  }
  await checkInput(d, b);
  const at = d.now().toISOString();
  const id = randomUUID();
  const signingSecret = b.kind === "webhook" ? newSigningSecret() : null;
  const channel: ChannelRecord = {
    id,
    kind: b.kind,
    ...fieldsOf(d, id, b, null),
    secretEnc: signingSecret ? sealSecret(d.keyring, id, "signingSecret", signingSecret) : null,
    alertsHeldBack: 0,
    lastHeldBackAt: null,
    lastLimitNoticeAt: null,
    heldBackAtNotice: null,
    createdAt: at,
    updatedAt: at,
  };
  await d.store.insertChannel(channel);
  return { channel, signingSecret };
}

export async function loadChannel(d: Pick<ChannelDeps, "store">, id: string): Promise<ChannelRecord> {
  const c = await d.store.getChannel(id);
  if (!c) throw notFound("Notification channel");
  return c;
}

export async function updateChannel(d: ChannelDeps, id: string, b: ChannelInput): Promise<{ before: ChannelRecord; after: ChannelRecord }> {
  const before = await loadChannel(d, id);
  if (before.kind !== b.kind) {
    throw new AppError(400, "validation_failed", "A channel's kind cannot change: add a new channel instead.", { kind: `This is a ${before.kind} channel.` });
  }
  await checkInput(d, b);
  const after = await d.store.updateChannel(id, { ...fieldsOf(d, id, b, before), updatedAt: d.now().toISOString() });
  if (!after) throw notFound("Notification channel");
  return { before, after };
}

export async function rotateSigningSecret(d: ChannelDeps, id: string): Promise<{ channel: ChannelRecord; signingSecret: string }> {
  const c = await loadChannel(d, id);
  if (c.kind !== "webhook") throw new AppError(409, "conflict", "Only webhook channels have a signing secret.");
  const signingSecret = newSigningSecret();
  const after = await d.store.updateChannel(id, { secretEnc: sealSecret(d.keyring, id, "signingSecret", signingSecret), updatedAt: d.now().toISOString() });
  if (!after) throw notFound("Notification channel");
  return { channel: after, signingSecret };
}

export function toView(c: ChannelRecord, last: DeliveryAttempt | null): ChannelView {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    urlHint: c.urlHint,
    format: c.format,
    recipients: c.recipients,
    events: c.events.filter((e): e is ChannelView["events"][number] => e !== "notification.test"),
    connectorIds: c.connectorIds,
    alertMinSeverity: c.alertMinSeverity,
    alertHourlyLimit: c.alertHourlyLimit,
    alertsHeldBack: c.alertsHeldBack,
    lastHeldBackAt: c.lastHeldBackAt,
    enabled: c.enabled,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastAttempt: last ? { at: last.at, outcome: last.outcome, answer: last.answer } : null,
  };
}

/** What the audit log keeps of a channel: never the secret. */
export function auditView(c: ChannelRecord): Record<string, unknown> {
  return {
    name: c.name,
    kind: c.kind,
    url: c.urlHint,
    format: c.format,
    recipients: c.recipients,
    events: c.events,
    connectorIds: c.connectorIds,
    alertMinSeverity: c.alertMinSeverity,
    alertHourlyLimit: c.alertHourlyLimit,
    enabled: c.enabled,
  };
}
