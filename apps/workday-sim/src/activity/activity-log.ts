import { isoMillis } from "../lib/time";
import { buildDirectory, type Directory } from "./people";
import { generatedRow, type ActivityRow, type RowContext } from "./rows";
import { buildTimeline, lowerBound, upperBound } from "./timeline";

export interface ActivitySpec {
  events: number;
  days: number;
  seed: number;
  /** Exclusive end of the generated window, epoch ms. */
  endMs: number;
}

/** Something that really happened in the simulator (a consent, an event added by a test). */
export interface RealEvent {
  timeMs: number;
  row: Omit<ActivityRow, "requestTime">;
}

export type PageContext = Omit<RowContext, "seed" | "directory">;

/**
 * A tenant's user activity: generated rows (only their sorted timestamps are stored) merged with
 * real events. Order is by time; on equal times generated rows come first, then real events in
 * the order they happened, so paging is stable.
 */
export class ActivityLog {
  private timeline: Float64Array | null = null;
  private people: Directory | null = null;
  private readonly real: RealEvent[] = [];

  constructor(
    private current: ActivitySpec,
    private readonly emailDomain: string,
  ) {}

  get spec(): ActivitySpec {
    return this.current;
  }

  /** Replaces the generated part; real events stay. */
  regenerate(spec: ActivitySpec): void {
    if (spec.seed !== this.current.seed) this.people = null;
    this.current = spec;
    this.timeline = null;
  }

  get directory(): Directory {
    return (this.people ??= buildDirectory(this.current.seed, this.emailDomain));
  }

  private get times(): Float64Array {
    return (this.timeline ??= buildTimeline(this.current));
  }

  get realEventCount(): number {
    return this.real.length;
  }

  add(event: RealEvent): void {
    let i = this.real.length;
    while (i > 0 && (this.real[i - 1]?.timeMs ?? 0) > event.timeMs) i--;
    this.real.splice(i, 0, event);
  }

  /** Rows with from <= requestTime < to. */
  count(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return 0;
    const times = this.times;
    return lowerBound(times, toMs) - lowerBound(times, fromMs) + this.realRange(fromMs, toMs).length;
  }

  page(fromMs: number, toMs: number, offset: number, limit: number, context: PageContext): ActivityRow[] {
    if (toMs <= fromMs) return [];
    const times = this.times;
    const gFirst = lowerBound(times, fromMs);
    const gEnd = lowerBound(times, toMs);
    const real = this.realRange(fromMs, toMs);
    // A real event's merged position = real events before it + generated rows at or before its time.
    const positionOf = (j: number): number => j + upperBound(times, real[j]?.timeMs ?? 0) - gFirst;
    let realBefore = 0;
    while (realBefore < real.length && positionOf(realBefore) < offset) realBefore++;
    let g = gFirst + offset - realBefore;
    let r = realBefore;
    const ctx: RowContext = { ...context, seed: this.current.seed, directory: this.directory };
    const rows: ActivityRow[] = [];
    while (rows.length < limit && (g < gEnd || r < real.length)) {
      const next = real[r];
      if (g < gEnd && (next === undefined || (times[g] ?? 0) <= next.timeMs)) {
        rows.push(generatedRow(ctx, g, times[g] ?? 0));
        g++;
      } else if (next) {
        rows.push({ requestTime: isoMillis(next.timeMs), ...next.row });
        r++;
      }
    }
    return rows;
  }

  private realRange(fromMs: number, toMs: number): RealEvent[] {
    return this.real.filter((e) => e.timeMs >= fromMs && e.timeMs < toMs);
  }
}
