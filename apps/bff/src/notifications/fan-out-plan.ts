import type { ChannelRecord, OutboxEvent } from "./notification-store";

export const HOUR_MS = 3_600_000;

export interface FanOutPlan {
  deliveries: { event: OutboxEvent; channel: ChannelRecord }[];
  /** Per channel: the alerts its hourly limit kept from it in this batch. */
  heldBack: Map<string, number>;
}

/**
 * Which deliveries a batch of queued events makes (docs/notifications.md): one per channel that
 * wants the event, except that a channel with an hourly alert limit gets no more `activity.alert`
 * deliveries once it got that many in the hour before (`sentLastHour`, counted by the store in the
 * same transaction); the ones over are counted as held back. Other events are never held back:
 * a connector needing attention is news however many alerts came before it.
 */
export function planFanOut(
  events: readonly OutboxEvent[],
  channels: readonly ChannelRecord[],
  wants: (c: ChannelRecord, e: OutboxEvent) => boolean,
  sentLastHour: ReadonlyMap<string, number>,
): FanOutPlan {
  const left = new Map<string, number>();
  for (const c of channels) if (c.alertHourlyLimit !== null) left.set(c.id, Math.max(0, c.alertHourlyLimit - (sentLastHour.get(c.id) ?? 0)));
  const plan: FanOutPlan = { deliveries: [], heldBack: new Map() };
  for (const event of events) {
    for (const channel of channels) {
      if (!wants(channel, event)) continue;
      const room = event.type === "activity.alert" ? left.get(channel.id) : undefined;
      if (room !== undefined) {
        if (room <= 0) {
          plan.heldBack.set(channel.id, (plan.heldBack.get(channel.id) ?? 0) + 1);
          continue;
        }
        left.set(channel.id, room - 1);
      }
      plan.deliveries.push({ event, channel });
    }
  }
  return plan;
}

/** The channels whose alert deliveries of the last hour the store must count. */
export const limitedChannels = (channels: readonly ChannelRecord[]) => channels.filter((c) => c.alertHourlyLimit !== null).map((c) => c.id);
