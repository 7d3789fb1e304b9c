import type { WorkingHours } from "./policy-types";

/** A valid IANA time zone name for this runtime (e.g. "Europe/Paris"). */
export function isTimeZone(tz: string): boolean {
  if (tz.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after midnight for "HH:MM" ("24:00" is the end of the day); null when malformed. */
export function minutesOf(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  if (!m) return null;
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const BUCKET_MS = 15 * 60_000;

/**
 * A test for "outside working hours" in one time zone. Time-zone offsets (and their changes) fall
 * on quarter hours, so the local weekday and minute of each UTC quarter hour are computed once with
 * Intl and cached: a backfill of a million rows asks Intl a few thousand times, not a million.
 */
export function outsideHoursTest(wh: WorkingHours): (ms: number) => boolean {
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone: wh.timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const start = minutesOf(wh.start) ?? 0;
  const end = minutesOf(wh.end) ?? 1440;
  const days = new Set(wh.days);
  const cache = new Map<number, { day: number; minute: number }>();
  const local = (bucket: number) => {
    let hit = cache.get(bucket);
    if (!hit) {
      const parts = fmt.formatToParts(new Date(bucket * BUCKET_MS));
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
      hit = { day: WEEKDAY[get("weekday")] ?? 0, minute: Number(get("hour")) * 60 + Number(get("minute")) };
      if (cache.size > 100_000) cache.clear();
      cache.set(bucket, hit);
    }
    return hit;
  };
  return (ms) => {
    const bucket = Math.floor(ms / BUCKET_MS);
    const { day, minute } = local(bucket);
    const m = minute + Math.floor((ms - bucket * BUCKET_MS) / 60_000);
    return !(days.has(day) && m >= start && m < end);
  };
}
