// The notifications capability's public entry. Routes are mounted by app.ts.
export { activityAlertEvent, consentCompletedEvent } from "./outbox-events";
export { statusEvents } from "./status-events";
export { runDeliveries, DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions, type DispatchDeps } from "./dispatcher";
export { queueReminders, type ReminderOptions } from "./reminders";
export { createSender, type SenderDeps } from "./senders";
export type { OutboxEvent, NotificationStore } from "./notification-store";
export { sqliteOutboxWriter, sqliteOutboxBatch } from "./sqlite-notifications";
export { pgQueueEvents } from "./pg-notifications";
