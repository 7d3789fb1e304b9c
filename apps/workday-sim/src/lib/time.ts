export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const SECOND_PRECISION = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Parses Workday's `yyyy-mm-ddThh:mm:ssZ` (UTC, whole seconds). Returns null for anything else,
 * including milliseconds, offsets and impossible dates such as 2024-02-30.
 */
export function parseUtcSeconds(text: string): number | null {
  if (!SECOND_PRECISION.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace(".000Z", "Z") === text ? ms : null;
}

export const isoMillis = (ms: number): string => new Date(ms).toISOString();

const pacificParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Pacific wall-clock time of an instant, expressed as if it were UTC (for calendar arithmetic). */
function pacificWallClock(ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of pacificParts.formatToParts(new Date(ms))) parts[p.type] = Number(p.value);
  const get = (k: string): number => parts[k] ?? 0;
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** The instant at which Pacific wall-clock time reads `wall` (wall expressed as UTC). */
function fromPacificWallClock(wall: number): number {
  let guess = wall + 8 * HOUR;
  // Two corrections settle both PST and PDT; Friday 18:00 never falls in a DST gap.
  for (let i = 0; i < 2; i++) guess += wall - pacificWallClock(guess);
  return guess;
}

/**
 * The latest Friday 18:00 America/Los_Angeles at or before `ms`: when Workday copies production
 * into its sandboxes each week.
 */
export function lastWeeklySandboxRefresh(ms: number): number {
  const wall = pacificWallClock(ms);
  const midnight = wall - (wall % DAY);
  const weekday = new Date(midnight).getUTCDay();
  let friday = midnight - ((weekday - 5 + 7) % 7) * DAY + 18 * HOUR;
  if (friday > wall) friday -= 7 * DAY;
  return fromPacificWallClock(friday);
}
