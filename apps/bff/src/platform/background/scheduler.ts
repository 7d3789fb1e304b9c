import type { Logger } from "pino";

export interface LoopOptions {
  /** Run once right away too (a window cut short by a restart continues without waiting a tick). */
  immediate?: boolean;
}

/**
 * The process's one background loop: health rounds, the activity sync, session purging (and any
 * later work) each register a named tick here. A tick never overlaps itself; work that outlives a
 * tick (a connector's sync runs on its own promise) registers how to stop it. `stop()` takes no new
 * work, asks running work to stop at its next safe point and waits (up to a grace period), so
 * SIGTERM ends a replica cleanly and its leases pass to another.
 */
export function createScheduler(log: Logger) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  const stoppers: (() => Promise<void>)[] = [];
  const stopping = new AbortController();

  return {
    /** Aborted once the process is shutting down: long work checks it between steps. */
    stopping: stopping.signal,
    every(name: string, tickMs: number, fn: () => Promise<unknown>, options: LoopOptions = {}) {
      let busy = false;
      const tick = () => {
        if (busy || stopping.signal.aborted) return;
        busy = true;
        const p = fn()
          .catch((e: unknown) => log.error({ loop: name, err: e }, "background loop failed"))
          .finally(() => {
            busy = false;
            running.delete(p);
          });
        running.add(p);
      };
      const t = setInterval(tick, tickMs);
      t.unref();
      timers.push(t);
      if (options.immediate) timers.push(setTimeout(tick, 0));
      return tick;
    },
    /** Work started by a loop that runs past its tick: `stop()` calls this and waits for it. */
    onStop(fn: () => Promise<void>) {
      stoppers.push(fn);
    },
    async stop(graceMs = 20_000): Promise<boolean> {
      stopping.abort();
      for (const t of timers) clearTimeout(t);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)));
      const done = Promise.allSettled([...running, ...stoppers.map((s) => s())]).then(() => true as const);
      const finished = await Promise.race([done, timedOut]);
      clearTimeout(timer);
      return finished;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
