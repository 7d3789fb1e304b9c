import { describe, expect, it } from "vitest";
import pino from "pino";
import { createScheduler } from "../src/platform/background/scheduler";

const log = pino({ level: "silent" });
const tick = () => new Promise((r) => setTimeout(r, 5));

describe("the background loop", () => {
  it("when a loop is immediate, then it runs before its first interval; one that is not waits", async () => {
    const s = createScheduler(log);
    const ran: string[] = [];
    s.every("now", 60_000, async () => void ran.push("now"), { immediate: true });
    s.every("later", 60_000, async () => void ran.push("later"));
    await tick();
    expect(ran).toEqual(["now"]);
    await s.stop();
  });

  it("when a tick is still running, then the next one is skipped rather than overlapping", async () => {
    const s = createScheduler(log);
    let release = () => undefined as void;
    let starts = 0;
    const run = s.every("slow", 60_000, () => {
      starts++;
      return new Promise<void>((r) => (release = r));
    });
    run();
    run();
    expect(starts).toBe(1);
    release();
    await tick();
    run();
    expect(starts).toBe(2);
    release();
    await s.stop();
  });

  it("when stopping, then registered work is asked to stop and awaited, and no new tick starts", async () => {
    const s = createScheduler(log);
    let stopped = false;
    s.onStop(async () => {
      await tick();
      stopped = true;
    });
    let runs = 0;
    const run = s.every("loop", 60_000, async () => void runs++);
    expect(await s.stop()).toBe(true);
    expect(stopped).toBe(true);
    expect(s.stopping.aborted).toBe(true);
    run();
    expect(runs).toBe(0);
  });

  it("when running work outlasts the grace period, then stop() answers false instead of hanging", async () => {
    const s = createScheduler(log);
    s.onStop(() => new Promise<void>(() => undefined));
    expect(await s.stop(20)).toBe(false);
  });

  it("when a tick throws, then the loop logs it and keeps ticking", async () => {
    const lines: string[] = [];
    const s = createScheduler(pino({ level: "error" }, { write: (l: string) => void lines.push(l) }));
    let runs = 0;
    const run = s.every("flaky", 60_000, async () => {
      runs++;
      throw new Error("boom");
    });
    run();
    await tick();
    run();
    await tick();
    expect(runs).toBe(2);
    expect(lines.filter((l) => l.includes("background loop failed"))).toHaveLength(2);
    await s.stop();
  });
});
