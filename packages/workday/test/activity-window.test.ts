import { describe, expect, it } from "vitest";
import { nextPollAt, planWindow, retentionCutoff, workdayTime, type PlanInput } from "../src";

const settings = { backfillDays: 7, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 90 };
const now = new Date("2026-03-08T12:00:30.700Z");
const iso = (ms: number) => new Date(ms).toISOString();
const plan = (over: Partial<PlanInput>) =>
  planWindow({ now, connectedAt: "2026-03-08T11:00:00.500Z", coveredUntil: null, checkpointConnectedAt: null, settings, ...over });

describe("planWindow", () => {
  it("when a connector has never synced, then the window reaches backfillDays before the connection, up to now minus the lag", () => {
    const w = plan({});
    expect(w?.kind).toBe("backfill");
    expect(iso(w?.fromMs ?? 0)).toBe("2026-03-01T11:00:00.000Z");
    expect(iso(w?.toMs ?? 0)).toBe("2026-03-08T11:58:30.000Z");
  });

  it("when a checkpoint exists for the same connection, then an incremental window starts one second before it", () => {
    const w = plan({ coveredUntil: "2026-03-08T11:50:00.000Z", checkpointConnectedAt: "2026-03-08T11:00:00.500Z" });
    expect(w).toEqual({ kind: "incremental", fromMs: Date.parse("2026-03-08T11:49:59.000Z"), toMs: Date.parse("2026-03-08T11:58:30.000Z") });
  });

  it("when the connector was reconnected after a gap, then the window resumes from the checkpoint as a backfill", () => {
    const w = plan({ coveredUntil: "2026-03-05T00:00:00.000Z", checkpointConnectedAt: "2026-02-01T00:00:00.000Z" });
    expect(w?.kind).toBe("backfill");
    expect(iso(w?.fromMs ?? 0)).toBe("2026-03-04T23:59:59.000Z");
  });

  it("when the checkpoint is older than retention, then the window starts at the retention horizon", () => {
    const w = plan({ coveredUntil: "2025-01-01T00:00:00.000Z", checkpointConnectedAt: "2025-01-01T00:00:00.000Z" });
    expect(iso(w?.fromMs ?? 0)).toBe("2025-12-08T12:00:30.000Z");
  });

  it("when the checkpoint is already within the lag, then there is nothing to fetch yet", () => {
    expect(plan({ coveredUntil: "2026-03-08T11:58:31.000Z", checkpointConnectedAt: "2026-03-08T11:00:00.500Z" })).toBeNull();
  });
});

describe("time helpers", () => {
  it("when formatting for Workday, then milliseconds are floored away", () => {
    expect(workdayTime(Date.parse("2026-03-01T10:00:00.999Z"))).toBe("2026-03-01T10:00:00Z");
  });

  it("when a window finished, then the next poll is one interval later; retention counts back from now", () => {
    expect(nextPollAt(now, settings).toISOString()).toBe("2026-03-08T12:05:30.700Z");
    expect(retentionCutoff(now, settings).toISOString()).toBe("2025-12-08T12:00:30.700Z");
  });
});
