import { unit } from "../lib/hash";
import { DAY, HOUR, MINUTE, SECOND } from "../lib/time";

export interface TimelineSpec {
  events: number;
  days: number;
  /** Exclusive end of the generated window, epoch ms. */
  endMs: number;
  seed: number;
}

/** Share of events that repeat the previous event's timestamp exactly. */
const TIE_RATE = 0.05;
/** Share of events that fall on a whole second, where consumers' from/to boundaries land. */
const WHOLE_SECOND_RATE = 0.03;

/** Pacific business hours carry most activity; nights and weekends little. */
function minuteWeight(ms: number): number {
  const pacific = new Date(ms - 8 * HOUR);
  const hour = pacific.getUTCHours();
  const weekend = pacific.getUTCDay() === 0 || pacific.getUTCDay() === 6;
  const base = hour >= 8 && hour < 18 ? 10 : hour >= 6 && hour < 22 ? 2 : 0.4;
  return weekend ? base * 0.15 : base;
}

/**
 * Sorted event times (epoch ms) for the generated activity, 8 bytes per event. Gaps are drawn in
 * "activity time" and mapped onto the calendar through the business-hours density, so the order is
 * sorted by construction (no sort) and a million events take a few tens of milliseconds.
 */
export function buildTimeline(spec: TimelineSpec): Float64Array {
  const n = Math.max(0, Math.floor(spec.events));
  const times = new Float64Array(n);
  if (n === 0) return times;
  const startMs = spec.endMs - Math.round(spec.days * DAY);
  const minutes = Math.max(1, Math.ceil((spec.endMs - startMs) / MINUTE));
  const cumulative = new Float64Array(minutes + 1);
  for (let m = 0; m < minutes; m++) cumulative[m + 1] = (cumulative[m] ?? 0) + minuteWeight(startMs + m * MINUTE);

  let sum = 0;
  for (let i = 0; i < n; i++) {
    const u = unit(spec.seed, i, 1);
    sum += u < TIE_RATE && i > 0 ? 0 : -Math.log(1 - unit(spec.seed, i, 2));
    times[i] = sum;
  }
  const scale = (cumulative[minutes] ?? 0) / (sum - Math.log(1 - unit(spec.seed, n, 2)));

  let minute = 0;
  let previous = startMs;
  for (let i = 0; i < n; i++) {
    const target = (times[i] ?? 0) * scale;
    while (minute < minutes - 1 && (cumulative[minute + 1] ?? 0) <= target) minute++;
    const weight = (cumulative[minute + 1] ?? 0) - (cumulative[minute] ?? 0);
    const within = weight > 0 ? (target - (cumulative[minute] ?? 0)) / weight : 0;
    let t = Math.floor(startMs + (minute + within) * MINUTE);
    if (unit(spec.seed, i, 3) < WHOLE_SECOND_RATE) t -= t % SECOND;
    t = Math.min(spec.endMs - 1, Math.max(previous, t));
    times[i] = t;
    previous = t;
  }
  return times;
}

/** First index whose time is >= `ms` (times sorted ascending). */
export function lowerBound(times: Float64Array, ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose time is > `ms`. */
export function upperBound(times: Float64Array, ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
