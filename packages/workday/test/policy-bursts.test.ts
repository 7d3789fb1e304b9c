import { describe, expect, it } from "vitest";
import { bursts, byTimeThenKey, type Match } from "../src";

const MIN = 60_000;
const T0 = Date.parse("2026-03-02T10:00:00.000Z");

/** Matches at the given offsets from T0, in milliseconds, keyed by their position. */
const matchesAt = (offsetsMs: number[]): Match[] => offsetsMs.map((o, i) => ({ t: T0 + o, key: `r${String(i).padStart(3, "0")}` }));
const minutes = (...m: number[]) => matchesAt(m.map((x) => x * MIN));
/** Each burst as the offsets of its rows from T0, in minutes. */
const shape = (bs: { rows: Match[] }[]) => bs.map((b) => b.rows.map((r) => (r.t - T0) / MIN));

describe("bursts: grouping without a threshold (count 1)", () => {
  it("when there are no matches, then there are no bursts", () => {
    expect(bursts([], 1, 60)).toEqual([]);
    expect(bursts([], 50, 10)).toEqual([]);
  });

  it("when one match stands alone, then it is a burst of one", () => {
    expect(shape(bursts(minutes(0), 1, 60))).toEqual([[0]]);
  });

  it("when every gap is at most withinMinutes, then the matches are one burst, however long it lasts", () => {
    expect(shape(bursts(minutes(0, 30, 90, 150, 210), 1, 60))).toEqual([[0, 30, 90, 150, 210]]);
  });

  it("when a gap is more than withinMinutes, then the matches on either side are separate bursts", () => {
    expect(shape(bursts(minutes(0, 10, 71, 80, 200), 1, 60))).toEqual([[0, 10], [71, 80], [200]]);
  });

  it("when two matches are exactly withinMinutes apart, then they are one burst; 1 ms more, two", () => {
    expect(bursts(matchesAt([0, 60 * MIN]), 1, 60)).toHaveLength(1);
    expect(bursts(matchesAt([0, 60 * MIN + 1]), 1, 60)).toHaveLength(2);
  });

  it("when matches share a time, then they are one burst", () => {
    expect(shape(bursts(minutes(5, 5, 5), 1, 60))).toEqual([[5, 5, 5]]);
  });
});

describe("bursts: thresholds", () => {
  /** `n` matches, one every `everySeconds`. */
  const every = (n: number, everySeconds: number) => matchesAt(Array.from({ length: n }, (_, i) => i * everySeconds * 1000));

  it("when exactly `count` matches fall within withinMinutes, then a burst fires with all of them", () => {
    const [burst, ...rest] = bursts(every(50, 10), 50, 10);
    expect(rest).toEqual([]);
    expect(burst?.rows).toHaveLength(50);
  });

  it("when count − 1 matches fall within withinMinutes, then nothing fires", () => {
    expect(bursts(every(49, 10), 50, 10)).toEqual([]);
  });

  it("when `count` matches are spread just over withinMinutes, then nothing fires", () => {
    // 50 matches from 0 to 10 min + 1 ms: no 10-minute window holds all 50.
    const offsets = Array.from({ length: 50 }, (_, i) => (i === 49 ? 10 * MIN + 1 : i * 1000));
    expect(bursts(matchesAt(offsets), 50, 10)).toEqual([]);
  });

  it("when the first and the `count`-th match are exactly withinMinutes apart, then it fires (inclusive); 1 ms more, it does not", () => {
    expect(bursts(matchesAt([0, 5 * MIN, 10 * MIN]), 3, 10)).toHaveLength(1);
    expect(bursts(matchesAt([0, 5 * MIN, 10 * MIN + 1]), 3, 10)).toEqual([]);
  });

  it("when matches continue after the threshold is reached, then the burst takes in each one at most withinMinutes after the one before", () => {
    // Fires at 0, 1, 2; 11, 20, 29 each follow the previous within 10 minutes; 40 comes 11 minutes after 29.
    expect(shape(bursts(minutes(0, 1, 2, 11, 20, 29, 40), 3, 10))).toEqual([[0, 1, 2, 11, 20, 29]]);
  });

  it("when the threshold is reached only later in a run of matches, then the burst starts at the earliest match inside the window, not at the run's start", () => {
    // 0 is 18 minutes before 18, so the first window of three 10-minute-close matches is 9, 18, 19.
    expect(shape(bursts(minutes(0, 9, 18, 19), 3, 10))).toEqual([[9, 18, 19]]);
  });

  it("when two runs that each reach the threshold are more than withinMinutes apart, then they are two bursts", () => {
    expect(shape(bursts(minutes(0, 1, 2, 30, 31, 32), 3, 10))).toEqual([
      [0, 1, 2],
      [30, 31, 32],
    ]);
  });

  it("when a burst has ended, then the matches after it must reach the threshold again on their own", () => {
    // 0, 1, 2 fire; 13 and 14 are only two, so they are not a second burst.
    expect(shape(bursts(minutes(0, 1, 2, 13, 14), 3, 10))).toEqual([[0, 1, 2]]);
  });

  it("when the simulator's worker-read-burst (60 reads, one every 5 s) meets a threshold of 50 in 10 minutes, then it is one burst of 60", () => {
    expect(bursts(every(60, 5), 50, 10).map((b) => b.rows.length)).toEqual([60]);
  });
});

describe("bursts: determinism across pages", () => {
  /** A deterministic pseudo-random sequence (mulberry32), so the property loop is reproducible. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /** Clusters and stragglers, some at the same millisecond, with keys that do not follow time. */
  const stored = (() => {
    const next = random(17);
    const out: Match[] = [];
    let t = T0;
    for (let i = 0; i < 90; i++) {
      const r = next();
      t += r < 0.15 ? 0 : r < 0.7 ? Math.floor(next() * 3 * MIN) : r < 0.9 ? Math.floor(next() * 12 * MIN) : 45 * MIN + Math.floor(next() * 120 * MIN);
      out.push({ t, key: `k${Math.floor(next() * 1e6)}-${i}` });
    }
    return out;
  })();

  const shuffled = (() => {
    const next = random(99);
    const a = [...stored];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j] as Match, a[i] as Match];
    }
    return a;
  })();

  const CASES = [
    { count: 1, withinMinutes: 60 },
    { count: 3, withinMinutes: 10 },
    { count: 5, withinMinutes: 5 },
  ];

  it.each(CASES)(
    "when the same matches arrive as two pages split at any point, in either order, then recomputing from all of them gives the same bursts (count $count in $withinMinutes min)",
    ({ count, withinMinutes }) => {
      const all = [...stored].sort(byTimeThenKey);
      const expected = bursts(all, count, withinMinutes);
      expect(expected.length).toBeGreaterThan(1);
      for (const source of [all, shuffled]) {
        for (let split = 0; split <= source.length; split++) {
          const first = source.slice(0, split);
          const second = source.slice(split);
          for (const arrived of [
            [...first, ...second],
            [...second, ...first],
          ]) {
            expect(bursts(arrived.sort(byTimeThenKey), count, withinMinutes)).toEqual(expected);
          }
        }
      }
    },
  );

  it.each(CASES)(
    "when only an earlier page has arrived, then each burst it gives keeps its first row once the later page arrives (count $count in $withinMinutes min)",
    ({ count, withinMinutes }) => {
      const all = [...stored].sort(byTimeThenKey);
      const firstKeys = bursts(all, count, withinMinutes).map((b) => b.rows[0]?.key);
      for (let split = 0; split <= all.length; split++) {
        const early = bursts(all.slice(0, split), count, withinMinutes);
        for (const b of early) expect(firstKeys).toContain(b.rows[0]?.key);
      }
    },
  );
});

describe("byTimeThenKey", () => {
  it("when matches share a time, then they are ordered by key, so every run sorts them the same way", () => {
    const a = { t: T0, key: "b" };
    const b = { t: T0, key: "a" };
    const c = { t: T0 - 1, key: "z" };
    expect([a, b, c].sort(byTimeThenKey)).toEqual([c, b, a]);
    expect([b, c, a].sort(byTimeThenKey)).toEqual([c, b, a]);
    expect(byTimeThenKey(a, { ...a })).toBe(0);
  });
});
