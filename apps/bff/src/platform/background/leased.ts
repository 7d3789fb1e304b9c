import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { LeaseStore } from "../store/leases";

export interface LeaseDeps {
  store: LeaseStore;
  now: () => Date;
  log: Logger;
  /** This process's name in the leases table: unique per replica and per start. */
  owner: string;
}

export const newOwnerId = () => `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/**
 * Keeps a lease alive while `fn` runs (renewed every third of its TTL) and releases it after. If a
 * renewal fails — another replica took the lease after we stalled — the signal aborts so the work
 * stops at its next safe point instead of running twice.
 */
export async function holdLease<T>(d: LeaseDeps, key: string, ttlMs: number, fn: (lost: AbortSignal) => Promise<T>): Promise<T> {
  const lost = new AbortController();
  const timer = setInterval(
    () => {
      void d.store.renewLease(key, d.owner, ttlMs, d.now()).then(
        (ok) => {
          if (!ok) {
            d.log.warn({ key }, "lease lost; stopping the work it covered");
            lost.abort();
          }
        },
        (e: unknown) => d.log.warn({ key, err: e instanceof Error ? e.message : String(e) }, "lease renewal failed"),
      );
    },
    Math.max(50, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  try {
    return await fn(lost.signal);
  } finally {
    clearInterval(timer);
    await d.store
      .releaseLease(key, d.owner)
      .catch((e: unknown) => d.log.warn({ key, err: e instanceof Error ? e.message : String(e) }, "lease release failed"));
  }
}

/** Takes the lease if it is free, runs `fn` under it; `{ ran: false }` when another owner holds it. */
export async function withLease<T>(
  d: LeaseDeps,
  key: string,
  ttlMs: number,
  fn: (lost: AbortSignal) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!(await d.store.tryAcquireLease(key, d.owner, ttlMs, d.now()))) return { ran: false };
  return { ran: true, value: await holdLease(d, key, ttlMs, fn) };
}
