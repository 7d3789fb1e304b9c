import { nextSandboxRefresh, statusRule } from "@wc/workday";
import type { Store } from "../store/types";
import { activityStalledEvent, sandboxRefreshDueEvent } from "./outbox-events";

export interface ReminderOptions {
  /** How long before Workday's weekly sandbox refresh the reminder goes out. */
  sandboxLeadMs: number;
  /** Activity older than the poll interval plus this is a stall. */
  stallMinutes: number;
  /** The poll interval of connectors without their own setting (ACTIVITY_POLL_INTERVAL_MINUTES). */
  defaultPollMinutes: number;
}

export interface ReminderDeps {
  store: Store;
  now: () => Date;
  reminders: ReminderOptions;
}

/**
 * Queues the time-based events: a reminder before a sandbox connector's weekly refresh, and a
 * stall when no activity window has completed for too long. Each is queued once (per refresh,
 * per stall) whichever replica or round sees it first: the outbox refuses a repeated key.
 */
export async function queueReminders(d: ReminderDeps): Promise<number> {
  const now = d.now();
  const states = new Map((await d.store.listSyncStates()).map((s) => [s.connectorId, s]));
  let queued = 0;
  for (const c of await d.store.listConnectors()) {
    const rule = statusRule(c.status);
    if (c.environment === "sandbox" && rule.checkable) {
      const refreshAt = nextSandboxRefresh(now);
      if (refreshAt.getTime() - now.getTime() <= d.reminders.sandboxLeadMs && (await d.store.enqueueEvent(sandboxRefreshDueEvent(c, refreshAt, now)))) queued++;
    }
    if (!rule.syncs || !c.connectedAt) continue;
    const s = states.get(c.id);
    // Progress is a completed window, or a run (backfill, re-sync) that started since.
    const last =
      [s?.lastSyncAt, s?.run?.startedAt, c.connectedAt]
        .filter((t): t is string => typeof t === "string")
        .sort()
        .at(-1) ?? c.connectedAt;
    const limitMinutes = (s?.settings.pollIntervalMinutes ?? d.reminders.defaultPollMinutes) + d.reminders.stallMinutes;
    if (now.getTime() - Date.parse(last) > limitMinutes * 60_000 && (await d.store.enqueueEvent(activityStalledEvent(c, last, d.reminders.stallMinutes, now))))
      queued++;
  }
  return queued;
}
