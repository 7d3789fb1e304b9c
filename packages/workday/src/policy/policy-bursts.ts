/**
 * How one account's matching rows become alerts. Rows are sorted by time; an alert opens at the
 * first moment `count` of them fall within `withinMinutes`, and takes in every following match
 * at most `withinMinutes` after the one before (the activity is still going on). Pure and
 * deterministic: the same stored matches always give the same alerts, whatever the page
 * boundaries they arrived in, which is what lets the store key alerts by their first row.
 */

export interface Match {
  /** Milliseconds since the epoch. */
  t: number;
  key: string;
}

export interface Burst<M extends Match = Match> {
  rows: M[];
}

export function bursts<M extends Match>(sorted: readonly M[], count: number, withinMinutes: number): Burst<M>[] {
  const span = withinMinutes * 60_000;
  const t = sorted.map((m) => m.t);
  const at = (i: number) => t[i] ?? Infinity;
  const out: Burst<M>[] = [];
  let lo = 0;
  for (let j = 0; j < t.length; j++) {
    while (at(j) - at(lo) > span) lo++;
    if (j - lo + 1 < count) continue;
    let k = j;
    while (k + 1 < t.length && at(k + 1) - at(k) <= span) k++;
    out.push({ rows: sorted.slice(lo, k + 1) });
    j = k;
    lo = k + 1;
  }
  return out;
}

/** Sorts by time, then key, so equal times order the same way on every run. */
export const byTimeThenKey = (a: Match, b: Match) => a.t - b.t || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
