import type { ChannelRecord, OutboxEvent } from "./notification-store";

export const HOUR_MS = 3_600_000;

export interface FanOutPlan {
  deliveries: { event: OutboxEvent; channel: ChannelRecord }[];
  /** Per channel: the alerts its hourly limit kept from it in this batch. */
  heldBack: Map<string, number>;
  /** Channels to tell that their limit held alerts back: not told in the hour before `now`. */
  notify: ChannelRecord[];
}

/**
 * Which deliveries a batch of queued events makes (docs/notifications.md): one per channel that
 * wants the event, except that a channel with an hourly alert limit gets no more `activity.alert`
 * deliveries once it got that many in the hour before (`sentLastHour`, counted by the store in the
 * same transaction); the ones over are counted as held back, and the channel is told so (an
 * `activity.alert_limit_reached` event to it alone) at most once an hour. Other events are never
 * held back: a connector needing attention is news however many alerts came before it.
 */
export function planFanOut(
  events: readonly OutboxEvent[],
  channels: readonly ChannelRecord[],
  wants: (c: ChannelRecord, e: OutboxEvent) => boolean,
  sentLastHour: ReadonlyMap<string, number>,
  now: string,
): FanOutPlan {
  const left = new Map<string, number>();
  for (const c of channels) if (c.alertHourlyLimit !== null) left.set(c.id, Math.max(0, c.alertHourlyLimit - (sentLastHour.get(c.id) ?? 0)));
  const plan: FanOutPlan = { deliveries: [], heldBack: new Map(), notify: [] };
  for (const event of events) {
    for (const channel of channels) {
      if (!wants(channel, event)) continue;
      const room = event.type === "activity.alert" ? left.get(channel.id) : undefined;
      if (room !== undefined) {
        if (room <= 0) {
          const before = plan.heldBack.get(channel.id) ?? 0;
          plan.heldBack.set(channel.id, before + 1);
          if (before === 0 && noticeDue(channel, now)) plan.notify.push(channel);
          continue;
        }
        left.set(channel.id, room - 1);
      }
      plan.deliveries.push({ event, channel });
    }
  }
  return plan;
}

/** At most one notice an hour: none if the channel was told less than an hour before `now`. */
const noticeDue = (c: ChannelRecord, now: string) => c.lastLimitNoticeAt === null || Date.parse(c.lastLimitNoticeAt) <= Date.parse(now) - HOUR_MS;

/** The channels whose alert deliveries of the last hour the store must count. */
export const limitedChannels = (channels: readonly ChannelRecord[]) => channels.filter((c) => c.alertHourlyLimit !== null).map((c) => c.id);
