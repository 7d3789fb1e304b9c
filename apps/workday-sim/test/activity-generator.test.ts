import { describe, expect, it } from "vitest";
import { ActivityLog } from "../src/activity/activity-log";
import { buildDirectory } from "../src/activity/people";
import { buildTimeline } from "../src/activity/timeline";

const END = Date.parse("2024-06-05T12:00:00Z");
const spec = { events: 5000, days: 8, endMs: END, seed: 7 };
const context = { isuAccount: "isu_wdconnect", workerHref: (id: string) => `http://127.0.0.1/ccx/api/v1/acme/workers/${id}` };

describe("generated activity", () => {
  it("when built twice from the same seed, then the rows are identical; another seed gives other rows", () => {
    const a = new ActivityLog(spec, "acme.example.com").page(0, END, 0, 200, context);
    const b = new ActivityLog(spec, "acme.example.com").page(0, END, 0, 200, context);
    const c = new ActivityLog({ ...spec, seed: 8 }, "acme.example.com").page(0, END, 0, 200, context);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it("when built, then every time lies in [end - days, end), sorted, with ties", () => {
    const times = buildTimeline(spec);
    expect(times).toHaveLength(5000);
    expect(times[0]).toBeGreaterThanOrEqual(END - 8 * 86_400_000);
    expect(times[4999]).toBeLessThan(END);
    let ties = 0;
    for (let i = 1; i < times.length; i++) {
      expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
      if (times[i] === times[i - 1]) ties++;
    }
    expect(ties).toBeGreaterThan(50);
  });

  it("when the people are built, then there are 50 to 200 with unique usernames, one manager per organization", () => {
    for (const seed of [1, 2, 3, 99, 12345]) {
      const { people, orgs } = buildDirectory(seed, "acme.example.com");
      expect(people.length).toBeGreaterThanOrEqual(50);
      expect(people.length).toBeLessThanOrEqual(200);
      expect(new Set(people.map((p) => p.username)).size).toBe(people.length);
      expect(people.filter((p) => p.isManager)).toHaveLength(orgs.length);
      for (const p of people) expect(p.email).toBe(`${p.username}@acme.example.com`);
    }
  });

  it("when rows are generated, then their fields have Workday's shapes and accounts are workers or the ISU", () => {
    const log = new ActivityLog(spec, "acme.example.com");
    const rows = log.page(0, END, 0, 5000, context);
    const usernames = new Set(log.directory.people.map((p) => p.username));
    const ids = new Set(log.directory.people.map((p) => p.id));
    for (const row of rows) {
      expect(row.requestTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(row.taskId).toMatch(/^[0-9a-f]{32}$/);
      expect(["READ", "WRITE", "OTHER"]).toContain(row.activityAction);
      expect(["Desktop", "Mobile", "Tablet"]).toContain(row.deviceType);
      expect(row.sessionId).toMatch(/^[0-9a-f]{6}$/);
      expect(row.systemAccount === "isu_wdconnect" || usernames.has(row.systemAccount)).toBe(true);
      if (row.target) expect(ids.has(row.target.id)).toBe(true);
    }
    expect(rows.some((r) => r.target === undefined)).toBe(true);
    expect(rows.some((r) => r.target !== undefined)).toBe(true);
    expect(rows.some((r) => r.systemAccount === "isu_wdconnect")).toBe(true);
    expect(new Set(rows.map((r) => r.systemAccount)).size).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => r.deviceType)).size).toBe(3);
  });

  it("when real events share a generated row's time, then they come right after the generated rows of that time", () => {
    const log = new ActivityLog({ ...spec, events: 100 }, "acme.example.com");
    const generated = log.page(0, END, 0, 100, context);
    const t = Date.parse(generated[50]?.requestTime ?? "");
    const real = {
      systemAccount: "real",
      taskId: "0".repeat(32),
      taskDisplayName: "Real",
      activityAction: "READ" as const,
      ipAddress: "192.0.2.1",
      userAgent: "x",
      deviceType: "Desktop",
      sessionId: "abcdef",
    };
    log.add({ timeMs: t, row: real });
    log.add({ timeMs: t, row: { ...real, systemAccount: "real2" } });
    const merged = log.page(0, END, 0, 200, context);
    expect(merged).toHaveLength(102);
    const lastGeneratedAtT = generated.map((r) => r.requestTime).lastIndexOf(generated[50]?.requestTime ?? "");
    expect(merged[lastGeneratedAtT + 1]?.systemAccount).toBe("real");
    expect(merged[lastGeneratedAtT + 2]?.systemAccount).toBe("real2");
    for (let offset = 0; offset < 102; offset += 7) expect(log.page(0, END, offset, 7, context)).toEqual(merged.slice(offset, offset + 7));
  });
});

describe("generated activity at scale", () => {
  it("when a tenant has 1,000,000 events, then counts and deep pages are exact", () => {
    const log = new ActivityLog({ events: 1_000_000, days: 30, endMs: END, seed: 3 }, "acme.example.com");
    const start = END - 30 * 86_400_000;
    expect(log.count(start, END)).toBe(1_000_000);
    const page = log.page(start, END, 999_000, 1000, context);
    expect(page).toHaveLength(1000);
    const mid = Date.parse(page[500]?.requestTime ?? "");
    const second = mid - (mid % 1000);
    // Counting the two halves of the window around any instant adds up to the whole.
    expect(log.count(start, second) + log.count(second, END)).toBe(1_000_000);
    const firstAfter = log.page(second, END, 0, 1, context)[0];
    expect(Date.parse(firstAfter?.requestTime ?? "")).toBeGreaterThanOrEqual(second);
    const lastBefore = log.page(start, second, log.count(start, second) - 1, 1, context)[0];
    expect(Date.parse(lastBefore?.requestTime ?? "")).toBeLessThan(second);
  });
});
