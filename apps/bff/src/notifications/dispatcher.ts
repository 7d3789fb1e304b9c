import type { Logger } from "pino";
import { backoffDelayMs, parseRetryAfter } from "@wc/workday";
import type { Keyring } from "../platform/crypto/crypto";
import { openSecret } from "../workday";
import type { Store } from "../store/types";
import type { AttemptRecord, ChannelRecord, DeliveryJob, OutboxEvent } from "./notification-store";
import type { Opened, Send, SendResult } from "./senders";

export interface DeliveryOptions {
  /** First retry waits up to this (full jitter), doubling each attempt up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this long since the event, a failing delivery is given up. */
  giveUpAfterMs: number;
  random: () => number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { retryBaseMs: 30_000, retryMaxMs: 3_600_000, giveUpAfterMs: 24 * 3_600_000, random: Math.random };

export interface DispatchDeps {
  store: Store;
  keyring: Keyring;
  now: () => Date;
  log: Logger;
  owner: string;
  send: Send;
  delivery: DeliveryOptions;
  /** Told each attempt's outcome as the log records it (the metrics count them). */
  onAttempt?: (channelKind: ChannelRecord["kind"], outcome: AttemptRecord["outcome"]) => void;
}

/** A delivery is held this long while it is sent (sending is bounded by the outbound timeout). */
const DELIVERY_LEASE_MS = 120_000;
const BATCH = 20;
const CONCURRENCY = 4;

const SEVERITY_RANK: Readonly<Record<string, number>> = { low: 0, medium: 1, high: 2 };

/**
 * Which channels an event goes to: a test to its channel only, a limit notice or summary to its channel while
 * enabled; others by the channel's choices, an alert only at or above the channel's severity (an
 * alert of unknown severity goes everywhere).
 */
export function channelWants(c: ChannelRecord, e: OutboxEvent): boolean {
  if (e.type === "notification.test") return e.channelId === c.id;
  if (e.type === "activity.alert_limit_reached" || e.type === "activity.alert_limit_summary") return e.channelId === c.id && c.enabled;
  if (!c.enabled || !c.events.includes(e.type)) return false;
  if (c.connectorIds !== null && (e.connectorId === null || !c.connectorIds.includes(e.connectorId))) return false;
  if (e.type !== "activity.alert") return true;
  const rank = SEVERITY_RANK[String(e.data.severity)];
  return rank === undefined || rank >= (SEVERITY_RANK[c.alertMinSeverity] ?? 0);
}

/**
 * One round: queued events become deliveries, then due deliveries are sent, each under its lease
 * (`notify:<id>`) so with several replicas exactly one sends it. At least once: a replica that dies
 * after sending but before recording sends again later, with the same `webhook-id`.
 */
export async function runDeliveries(d: DispatchDeps, stopping?: AbortSignal): Promise<number> {
  await d.store.fanOutEvents(200, d.now().toISOString(), channelWants);
  const jobs = await d.store.claimDueDeliveries(d.owner, BATCH, DELIVERY_LEASE_MS, d.now());
  // One channel's deliveries go one after another, in the order claimed (the order events happened);
  // different channels go side by side, so a slow receiver holds up only itself.
  const groups = new Map<string, DeliveryJob[]>();
  for (const j of jobs) groups.set(j.channel.id, [...(groups.get(j.channel.id) ?? []), j]);
  const byChannel = [...groups.values()];
  let next = 0;
  let sent = 0;
  const worker = async () => {
    for (let group = byChannel[next++]; group; group = byChannel[next++]) {
      for (const job of group) {
        try {
          if (!stopping?.aborted) {
            await deliver(d, job);
            sent++;
          }
        } catch (err) {
          d.log.error({ deliveryId: job.id, err }, "notification delivery failed unexpectedly");
        } finally {
          await d.store.releaseLease(`notify:${job.id}`, d.owner).catch(() => undefined);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, byChannel.length) }, worker));
  return sent;
}

async function deliver(d: DispatchDeps, job: DeliveryJob): Promise<void> {
  const attempt = job.attempts + 1;
  const result = await attemptOnce(d, job);
  const record = nextStep(d, job, attempt, result);
  await d.store.recordAttempt(job, record);
  d.onAttempt?.(job.channel.kind, record.outcome);
  const level = record.outcome === "delivered" ? "info" : "warn";
  d.log[level](
    { channelId: job.channel.id, eventId: job.event.id, event: job.event.type, attempt, outcome: record.outcome, answer: record.answer },
    "notification attempt",
  );
}

async function attemptOnce(d: DispatchDeps, job: DeliveryJob): Promise<SendResult> {
  if (!job.channel.enabled && job.event.type !== "notification.test") {
    return { delivered: false, answer: "The channel was disabled before this was sent.", retryAfter: null, permanent: true };
  }
  const c = job.channel;
  let opened: Opened;
  try {
    opened = {
      url: c.urlEnc ? openSecret(d.keyring, c.id, "webhookUrl", c.urlEnc) : null,
      signingSecret: c.secretEnc ? openSecret(d.keyring, c.id, "signingSecret", c.secretEnc) : null,
    };
  } catch {
    const answer =
      "The channel's URL or signing secret does not open with the configured keys: edit the channel and enter its URL again, then make a new signing secret.";
    return { delivered: false, answer, retryAfter: null, permanent: true };
  }
  return d.send(c, job.event, opened);
}

function nextStep(d: DispatchDeps, job: DeliveryJob, attempt: number, r: SendResult): AttemptRecord {
  const now = d.now();
  const at = now.toISOString();
  if (r.delivered) return { at, attempt, outcome: "delivered", answer: r.answer, nextAttemptAt: null };
  if (r.permanent) return { at, attempt, outcome: "gave_up", answer: r.answer, nextAttemptAt: null };
  const backoff = backoffDelayMs(attempt - 1, { baseMs: d.delivery.retryBaseMs, maxMs: d.delivery.retryMaxMs, random: d.delivery.random });
  const wait = Math.max(backoff, parseRetryAfter(r.retryAfter, now) ?? 0);
  const nextAt = now.getTime() + wait;
  if (nextAt > Date.parse(job.event.createdAt) + d.delivery.giveUpAfterMs) return { at, attempt, outcome: "gave_up", answer: r.answer, nextAttemptAt: null };
  return { at, attempt, outcome: "retrying", answer: r.answer, nextAttemptAt: new Date(nextAt).toISOString() };
}
