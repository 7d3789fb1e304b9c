import type { Logger } from "pino";

/**
 * Background loops of one process. Each loop runs at most once at a time; `stop()` stops taking
 * new work and waits (up to a grace period) for what is running, so SIGTERM ends a replica cleanly.
 */
export function createScheduler(log: Logger) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  const stopping = new AbortController();

  return {
    /** Aborted once the process is shutting down: long work checks it between steps. */
    stopping: stopping.signal,
    every(name: string, tickMs: number, fn: () => Promise<unknown>) {
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
      return tick;
    },
    async stop(graceMs = 20_000): Promise<boolean> {
      stopping.abort();
      for (const t of timers) clearInterval(t);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)));
      const done = Promise.allSettled([...running]).then(() => true as const);
      const finished = await Promise.race([done, timedOut]);
      clearTimeout(timer);
      return finished;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
