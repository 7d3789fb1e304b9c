import { describe, expect, it } from "vitest";
import { activityExportQuerySchema, activityListQuerySchema, resyncRequestSchema, syncSettingsSchema } from "../src";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]));

describe("activity list query", () => {
  it("when only strings from a query string arrive, then page numbers become numbers and defaults apply", () => {
    const r = activityListQuerySchema.parse({ page: "3", pageSize: "50", action: "WRITE" });
    expect(r).toEqual({ page: 3, pageSize: 50, action: "WRITE", order: "desc" });
  });

  it("when times carry a zone offset, then they are normalised to UTC ISO", () => {
    const r = activityListQuerySchema.parse({ from: "2026-03-01T01:00:00+01:00", to: "2026-03-02T00:00:00Z" });
    expect(r.from).toBe("2026-03-01T00:00:00.000Z");
    expect(r.to).toBe("2026-03-02T00:00:00.000Z");
  });

  it("when several fields are wrong, then each gets its own message", () => {
    const r = activityListQuerySchema.safeParse({ from: "yesterday", pageSize: "501", action: "DELETE", ipAddress: ["a", "b"] });
    expect(Object.keys(issues(r)).sort()).toEqual(["action", "from", "ipAddress", "pageSize"]);
  });

  it("when from is not before to, then to is named", () => {
    const r = activityListQuerySchema.safeParse({ from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" });
    expect(issues(r)).toEqual({ to: "From must be before To." });
  });

  it("when both page and cursor are given, then the cursor is refused", () => {
    const r = activityListQuerySchema.safeParse({ page: "2", cursor: "abc" });
    expect(issues(r)).toEqual({ cursor: "Use page or cursor, not both." });
  });

  it("when an unknown parameter is given, then it is refused rather than ignored", () => {
    expect(activityListQuerySchema.safeParse({ acount: "x" }).success).toBe(false);
  });
});

describe("activity export query", () => {
  it("when the format is missing or unknown, then it is refused", () => {
    expect(issues(activityExportQuerySchema.safeParse({}))).toHaveProperty("format");
    expect(issues(activityExportQuerySchema.safeParse({ format: "xlsx" }))).toEqual({ format: "Format must be csv or ndjson." });
  });
});

describe("sync settings and resync", () => {
  it("when retention is shorter than the backfill, then retention is named", () => {
    const r = syncSettingsSchema.safeParse({ backfillDays: 30, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 7 });
    expect(Object.keys(issues(r))).toEqual(["retentionDays"]);
  });

  it("when a resync window is valid, then it is normalised", () => {
    expect(resyncRequestSchema.parse({ from: "2026-03-01T00:00:00Z", to: "2026-03-01T06:00:00Z" })).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-01T06:00:00.000Z",
    });
  });
});
