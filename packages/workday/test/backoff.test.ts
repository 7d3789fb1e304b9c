import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "../src/backoff";

const opts = (random: number) => ({ baseMs: 1000, maxMs: 60_000, random: () => random });

describe("backoffDelayMs", () => {
  it.each([0, 1, 5, 30])("when random is 0 at attempt %i, then no wait", (attempt) => {
    expect(backoffDelayMs(attempt, opts(0))).toBe(0);
  });

  it.each([
    [0, 1000],
    [1, 2000],
    [3, 8000],
    [5, 32_000],
    [6, 60_000],
    [50, 60_000],
    [2000, 60_000],
  ])("when random is 1 at attempt %i, then the full ceiling %i ms (base × 2^attempt, capped at max)", (attempt, ms) => {
    expect(backoffDelayMs(attempt, opts(1))).toBe(ms);
  });

  it("when random is in between, then that share of the ceiling, whole milliseconds", () => {
    expect(backoffDelayMs(2, opts(0.5))).toBe(2000);
    expect(backoffDelayMs(2, opts(0.33333))).toBe(1333);
  });

  it("when the attempt is negative, then it counts as the first", () => {
    expect(backoffDelayMs(-3, opts(1))).toBe(1000);
  });

  it("when random misbehaves outside 0..1, then the delay still stays within 0..ceiling", () => {
    expect(backoffDelayMs(3, opts(-1))).toBe(0);
    expect(backoffDelayMs(3, opts(7))).toBe(8000);
  });

  it("when many delays are drawn, then each stays within 0..max", () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const d = backoffDelayMs(attempt, { baseMs: 1000, maxMs: 60_000, random: Math.random });
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(60_000);
    }
  });
});
