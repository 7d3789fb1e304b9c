import type { Logger } from "pino";
import type { NotificationStore } from "./notification-store";

export interface LogRetentionDeps {
  store: Pick<NotificationStore, "pruneNotificationLog">;
  now: () => Date;
  /** NOTIFY_RETENTION_DAYS: how long the delivery log (events, deliveries, attempts) is kept. */
  retentionDays: number;
  log: Pick<Logger, "info">;
}

/**
 * Deletes the delivery log past retention (hourly): every event, delivery and attempt was kept
 * forever, and a broad policy queues an event per alert (31,000 in one 1,000,000-row backfill).
 * Events still to fan out or to deliver stay however old.
 */
export async function pruneDeliveryLog(d: LogRetentionDeps): Promise<{ attempts: number; events: number }> {
  const before = new Date(d.now().getTime() - d.retentionDays * 86_400_000).toISOString();
  const pruned = await d.store.pruneNotificationLog(before);
  if (pruned.attempts + pruned.events > 0) d.log.info({ ...pruned, before }, "notification log past retention pruned");
  return pruned;
}
