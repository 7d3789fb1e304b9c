import type { ChannelRecord, OutboxEvent } from "./notification-store";

export const HOUR_MS = 3_600_000;

export interface FanOutPlan {
  deliveries: { event: OutboxEvent; channel: ChannelRecord }[];
  /** Per channel: the alerts its hourly limit kept from it in this batch. */
  heldBack: Map<string, number>;
  /** Channels to tell that their limit held alerts back: not told in the hour before `now`. */
  notify: ChannelRecord[];
  /** Channels to tell how many alerts their limit held back since the notice, now that its hour is over. */
  summaries: LimitSummary[];
}

/** What a channel's limit held back from its notice (`from`) to the last alert held back (`to`). */
export interface LimitSummary {
  channel: ChannelRecord;
  heldBack: number;
  from: string;
  to: string;
}

/**
 * Which deliveries a batch of queued events makes (docs/notifications.md): one per channel that
 * wants the event, except that a channel with an hourly alert limit gets no more `activity.alert`
 * deliveries once it got that many in the hour before (`sentLastHour`, counted by the store in the
 * same transaction); the ones over are counted as held back, and the channel is told so (an
 * `activity.alert_limit_reached` event to it alone) at most once an hour. Once that hour is over,
 * the channel is told how many its limit held back in it (`activity.alert_limit_summary`): before
 * a new notice if the limit holds alerts back again, or on its own. Other events are never held
 * back: a connector needing attention is news however many alerts came before it.
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
  const plan: FanOutPlan = { deliveries: [], heldBack: new Map(), notify: [], summaries: summariesDue(channels, now) };
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

/**
 * Channels told of their limit an hour or more before `now` whose count since is not summed up
 * yet: the same condition as a new notice being due, so a summary always comes before the next
 * notice. A channel whose limit was lifted since is still told what it missed.
 */
export function summariesDue(channels: readonly ChannelRecord[], now: string): LimitSummary[] {
  const out: LimitSummary[] = [];
  for (const channel of channels) {
    if (channel.heldBackAtNotice === null || channel.lastLimitNoticeAt === null || !noticeDue(channel, now)) continue;
    out.push({
      channel,
      heldBack: Math.max(0, channel.alertsHeldBack - channel.heldBackAtNotice),
      from: channel.lastLimitNoticeAt,
      to: channel.lastHeldBackAt ?? channel.lastLimitNoticeAt,
    });
  }
  return out;
}

/** The channels whose alert deliveries of the last hour the store must count. */
export const limitedChannels = (channels: readonly ChannelRecord[]) => channels.filter((c) => c.alertHourlyLimit !== null).map((c) => c.id);

/** The channels a fan-out writes its limit counts to: limited ones, and any with a summary pending (its limit lifted since). */
export const countingChannels = (channels: readonly ChannelRecord[]) =>
  channels.filter((c) => c.alertHourlyLimit !== null || c.heldBackAtNotice !== null).map((c) => c.id);
