import { describe, expect, it } from "vitest";
import { advanceCursor, offsetRefused, pageAfter, pageRequest, startCursor, type CursorStep, type PagingCursor } from "../src";

const from = Date.parse("2026-03-01T00:00:00Z");
const to = Date.parse("2026-03-02T00:00:00Z");
const next = (s: CursorStep): PagingCursor => {
  if (s.kind !== "next") throw new Error(`expected next, got ${s.kind}`);
  return s.cursor;
};

describe("paging cursor", () => {
  it("when a window starts, then the first request is offset 0 with whole-second bounds", () => {
    expect(pageRequest(startCursor(from, to, 10_000), 1000)).toEqual({ from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z", offset: 0, limit: 1000 });
  });

  it("when a full page comes back below the total, then the offset moves by the rows received", () => {
    const c = next(advanceCursor(startCursor(from, to, 10_000), { count: 1000, total: 5000, lastRowTime: "2026-03-01T01:00:00.000Z" }, 1000));
    expect(c).toMatchObject({ offset: 1000, anchorMs: from, lastRowTime: "2026-03-01T01:00:00.000Z" });
  });

  it("when the total is reached, then the window is done", () => {
    const c = { ...startCursor(from, to, 10_000), offset: 4000 };
    expect(advanceCursor(c, { count: 1000, total: 5000, lastRowTime: "2026-03-01T05:00:00.000Z" }, 1000)).toEqual({ kind: "done" });
  });

  it("when Workday sends no total, then a short page ends the window", () => {
    const c = startCursor(from, to, 10_000);
    expect(advanceCursor(c, { count: 999, total: null, lastRowTime: "2026-03-01T05:00:00.000Z" }, 1000)).toEqual({ kind: "done" });
    expect(advanceCursor(c, { count: 1000, total: null, lastRowTime: "2026-03-01T05:00:00.000Z" }, 1000).kind).toBe("next");
  });

  it("when an empty page comes back, then the window is done", () => {
    expect(advanceCursor(startCursor(from, to, 10_000), { count: 0, total: 7, lastRowTime: null }, 1000)).toEqual({ kind: "done" });
  });

  it("when the next offset would pass the ceiling, then from re-anchors one second before the last row's second and the offset restarts", () => {
    const c = { ...startCursor(from, to, 10_000), offset: 10_000 };
    const r = next(advanceCursor(c, { count: 1000, total: 50_000, lastRowTime: "2026-03-01T03:04:05.678Z" }, 1000));
    expect(r).toMatchObject({ offset: 0, anchorMs: Date.parse("2026-03-01T03:04:04Z"), toMs: to });
    expect(pageRequest(r, 1000).from).toBe("2026-03-01T03:04:04Z");
  });

  it("when the next offset equals the ceiling, then it is still sent (the ceiling is the highest accepted offset)", () => {
    const c = { ...startCursor(from, to, 2000), offset: 1000 };
    expect(next(advanceCursor(c, { count: 1000, total: 9000, lastRowTime: "2026-03-01T01:00:00.000Z" }, 1000)).offset).toBe(2000);
  });

  it("when Workday refuses an offset, then the ceiling drops below it and the window re-anchors", () => {
    const c = { ...startCursor(from, to, 10_000), offset: 600, lastRowTime: "2026-03-01T02:00:00.000Z" };
    const r = next(offsetRefused(c));
    expect(r).toMatchObject({ ceiling: 599, offset: 0, anchorMs: Date.parse("2026-03-01T01:59:59Z") });
  });

  it("when every row up to the ceiling falls within two seconds, then paging reports it is stuck rather than looping", () => {
    const c = { ...startCursor(from, to, 1000), offset: 1000 };
    expect(advanceCursor(c, { count: 1000, total: 5000, lastRowTime: "2026-03-01T00:00:01.500Z" }, 1000).kind).toBe("stuck");
    expect(offsetRefused(startCursor(from, to, 1000)).kind).toBe("stuck");
  });
});

describe("asking for the page after the next", () => {
  const T0 = Date.parse("2026-03-01T00:00:00Z");
  const at = (offset: number, anchorMs = T0): PagingCursor => ({ ...startCursor(anchorMs, T0 + 86_400_000, 500), anchorMs, offset });

  it("when the anchor's total is known and the next offset is below it and within the ceiling, then that page is asked for ahead", () => {
    expect(pageAfter(at(100), 100, { anchorMs: T0, total: 1000 })).toEqual(at(200));
    // The ceiling itself may be asked for (advanceCursor goes up to it).
    expect(pageAfter(at(400), 100, { anchorMs: T0, total: 1000 })).toEqual(at(500));
  });

  it("when the next offset reaches the total or passes the ceiling, then nothing is asked ahead", () => {
    expect(pageAfter(at(100), 100, { anchorMs: T0, total: 200 })).toBeNull();
    expect(pageAfter(at(100), 100, { anchorMs: T0, total: 201 })).toEqual(at(200));
    expect(pageAfter(at(500), 100, { anchorMs: T0, total: 1000 })).toBeNull();
  });

  it("when the cursor is on a new anchor whose total is not known yet, then nothing is asked ahead (the old anchor's total says nothing of it)", () => {
    expect(pageAfter(at(0, T0 + 60_000), 100, { anchorMs: T0, total: 1000 })).toBeNull();
    expect(pageAfter(at(100, T0 + 60_000), 100, { anchorMs: T0 + 60_000, total: 1000 })).toEqual(at(200, T0 + 60_000));
  });

  it("when Workday sends no total, then the next offset within the ceiling is asked for", () => {
    expect(pageAfter(at(0), 100, null)).toEqual(at(100));
    expect(pageAfter(at(0, T0 + 60_000), 100, { anchorMs: T0, total: null })).toEqual(at(100, T0 + 60_000));
    expect(pageAfter(at(500), 100, null)).toBeNull();
  });
});
