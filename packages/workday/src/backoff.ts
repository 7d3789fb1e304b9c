/**
 * Exponential backoff with full jitter: random × min(max, base × 2^attempt), attempt counted from 0.
 * `random` is injected so tests can pin it; it is clamped to 0..1.
 */
export function backoffDelayMs(attempt: number, opts: { baseMs: number; maxMs: number; random: () => number }): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt));
  const random = Math.min(1, Math.max(0, opts.random()));
  return Math.floor(random * ceiling);
}
