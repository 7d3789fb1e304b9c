/**
 * Which window of user activity to fetch next. Windows are half-open [from, to) in whole
 * seconds, the only precision activityLogging's from/to accept (docs/workday.md §4a).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * Overlap between consecutive windows and behind a re-anchor. Workday does not document whether
 * `from` and `to` are inclusive (docs/workday.md §4a, U); reaching one second back means a row sitting exactly on
 * a boundary is fetched whichever way Workday reads them, and the store's natural key makes the
 * second fetch harmless.
 */
export const WINDOW_OVERLAP_MS = SECOND;

export interface ActivitySyncSettings {
  backfillDays: number;
  pollIntervalMinutes: number;
  lagMinutes: number;
  retentionDays: number;
}

/** Floors to the second. */
export const floorToSecond = (ms: number): number => Math.floor(ms / SECOND) * SECOND;

/** `yyyy-mm-ddThh:mm:ssZ`, the format activityLogging's from/to accept (milliseconds dropped, floored). */
export function workdayTime(ms: number): string {
  return new Date(floorToSecond(ms)).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface ActivityWindow {
  /** `backfill`: the first window of a connection (or the catch-up after a reconnect); `incremental`: a poll. */
  kind: "backfill" | "incremental";
  fromMs: number;
  toMs: number;
}

export interface PlanInput {
  now: Date;
  /** When the connector's current consent was given. */
  connectedAt: string;
  /** End of the last completed window (the durable checkpoint), or null before the first. */
  coveredUntil: string | null;
  /** The connection `coveredUntil` was reached under; differs from `connectedAt` after a reconnect. */
  checkpointConnectedAt: string | null;
  settings: ActivitySyncSettings;
}

/**
 * The next window, or null when there is nothing new to ask for yet.
 * - first connection: from `backfillDays` before the connection time;
 * - otherwise (later polls, and a reconnect after a gap): from the checkpoint, so nothing
 *   between the last sync and the reconnect is lost;
 * - never earlier than the retention horizon (those rows would be pruned at once);
 * - up to `lagMinutes` before now, because Workday's newest rows can arrive late (docs/workday.md §6, Splunk).
 */
export function planWindow(p: PlanInput): ActivityWindow | null {
  const now = p.now.getTime();
  const toMs = floorToSecond(now - p.settings.lagMinutes * MINUTE);
  const horizon = floorToSecond(now - p.settings.retentionDays * DAY);
  const first = p.coveredUntil === null;
  const start = first
    ? floorToSecond(Date.parse(p.connectedAt) - p.settings.backfillDays * DAY)
    : floorToSecond(Date.parse(p.coveredUntil ?? "") - WINDOW_OVERLAP_MS);
  const fromMs = Math.max(start, horizon);
  if (!Number.isFinite(fromMs) || fromMs >= toMs) return null;
  const reconnected = !first && p.checkpointConnectedAt !== p.connectedAt;
  return { kind: first || reconnected ? "backfill" : "incremental", fromMs, toMs };
}

/** When the next poll is due after a window finished at `lastSyncAt`. */
export function nextPollAt(lastSyncAt: Date, settings: Pick<ActivitySyncSettings, "pollIntervalMinutes">): Date {
  return new Date(lastSyncAt.getTime() + settings.pollIntervalMinutes * MINUTE);
}

/** Rows with requestTime before this are past retention. */
export function retentionCutoff(now: Date, settings: Pick<ActivitySyncSettings, "retentionDays">): Date {
  return new Date(now.getTime() - settings.retentionDays * DAY);
}
