import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { activityRowKey, activityRowKeyMaterial, parseActivityPage, type ActivityRecord } from "../src";

const sha = (s: string) => createHash("sha256").update(s).digest("base64url");

const raw = {
  requestTime: "2026-03-01T10:00:00.123Z",
  systemAccount: "lmartin",
  taskId: "dc1bea8c446c11de98360015c5e6daf6",
  taskDisplayName: "View Worker",
  activityAction: "READ",
  ipAddress: "198.51.100.7",
  userAgent: "Mozilla/5.0",
  deviceType: "Desktop",
  sessionId: "c7c6ff",
  target: { id: "64700e", descriptor: "Logan Martin", href: "https://x/workers/64700e" },
};

const record = (over: Partial<typeof raw> = {}): ActivityRecord => {
  const page = parseActivityPage({ data: [{ ...raw, ...over }], total: 1 });
  if (!page.ok || !page.rows[0]) throw new Error("fixture did not parse");
  return page.rows[0];
};

describe("parseActivityPage", () => {
  it("when a page has rows and a total, then each row is flattened with its target", () => {
    expect(record()).toEqual({
      requestTime: "2026-03-01T10:00:00.123Z",
      systemAccount: "lmartin",
      taskId: raw.taskId,
      taskDisplayName: "View Worker",
      activityAction: "READ",
      ipAddress: "198.51.100.7",
      userAgent: "Mozilla/5.0",
      deviceType: "Desktop",
      sessionId: "c7c6ff",
      targetId: "64700e",
      targetDescriptor: "Logan Martin",
      targetHref: "https://x/workers/64700e",
    });
  });

  it("when requestTime carries an offset or no milliseconds, then it is normalised to UTC with milliseconds", () => {
    expect(record({ requestTime: "2026-03-01T11:00:00+01:00" }).requestTime).toBe("2026-03-01T10:00:00.000Z");
  });

  it("when a row has no target, then the target fields are null", () => {
    const { target: _t, ...noTarget } = raw;
    const page = parseActivityPage({ data: [noTarget], total: 1 });
    expect(page.ok && page.rows[0]?.targetId).toBeNull();
  });

  it("when a text field holds NUL characters, then each becomes U+FFFD (PostgreSQL text cannot store NUL) and the rest is kept", () => {
    const r = record({ userAgent: "Mozilla\u0000/5.0\u0000", sessionId: "c7\u0000c6ff" });
    expect(r.userAgent).toBe("Mozilla\uFFFD/5.0\uFFFD");
    expect(r.sessionId).toBe("c7\uFFFDc6ff");
    expect(r.taskDisplayName).toBe("View Worker");
  });

  it("when a row has no readable requestTime, then the page is malformed", () => {
    expect(parseActivityPage({ data: [{ ...raw, requestTime: "yesterday" }], total: 1 })).toMatchObject({ ok: false });
  });

  it("when the answer is not Workday's shape, then it is malformed; a missing total is null", () => {
    expect(parseActivityPage("<html>")).toMatchObject({ ok: false });
    expect(parseActivityPage({ data: [] })).toEqual({ ok: true, rows: [], total: null });
  });
});

describe("activity row key", () => {
  it("when the same row is returned twice, then both copies have the same key", () => {
    expect(activityRowKey(record(), sha)).toBe(activityRowKey(record(), sha));
  });

  it("when only the target's descriptor or href differ (Workday's current label), then the key is the same", () => {
    expect(activityRowKey(record({ target: { ...raw.target, descriptor: "Renamed", href: "h" } }), sha)).toBe(activityRowKey(record(), sha));
  });

  it("when any identifying field differs, then the key differs", () => {
    const base = activityRowKey(record(), sha);
    for (const over of [
      { requestTime: "2026-03-01T10:00:00.124Z" },
      { systemAccount: "other" },
      { taskId: "x" },
      { taskDisplayName: "x" },
      { activityAction: "WRITE" },
      { ipAddress: "x" },
      { userAgent: "x" },
      { deviceType: "Mobile" },
      { sessionId: "x" },
      { target: { ...raw.target, id: "x" } },
    ]) {
      expect(activityRowKey(record(over), sha), JSON.stringify(over)).not.toBe(base);
    }
  });

  it("when values could be glued together differently, then the material keeps them apart", () => {
    const a = activityRowKeyMaterial(record({ systemAccount: "ab", taskDisplayName: "c" }));
    const b = activityRowKeyMaterial(record({ systemAccount: "a", taskDisplayName: "bc" }));
    expect(a).not.toBe(b);
  });

  it("when keyed, then the key is 22 base64url characters", () => {
    expect(activityRowKey(record(), sha)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
