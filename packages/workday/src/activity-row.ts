import { jsonObject } from "./json-body";

/**
 * One activityLogging row (docs/workday.md §4a, UserActivityTracking) reduced to flat, nullable
 * fields. `requestTime` is normalised to ISO with milliseconds in UTC, so it sorts as text.
 */
export interface ActivityRecord {
  requestTime: string;
  /** Always present in Workday's schema; "" when a row lacks it, so the row is still kept. */
  systemAccount: string;
  taskId: string | null;
  taskDisplayName: string | null;
  activityAction: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  deviceType: string | null;
  sessionId: string | null;
  targetId: string | null;
  targetDescriptor: string | null;
  targetHref: string | null;
}

export type ParsedActivityPage = { ok: true; rows: ActivityRecord[]; total: number | null } | { ok: false; problem: string };

const CANONICAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

// PostgreSQL text cannot hold NUL: one such character would fail its page on every retry and stall
// the connector's sync. It becomes U+FFFD (before keying, so both engines store the same row).
const noNul = (v: string): string => (v.includes("\0") ? v.replaceAll("\0", "\uFFFD") : v);
const str = (v: unknown): string | null => (typeof v === "string" ? noNul(v) : typeof v === "number" || typeof v === "boolean" ? String(v) : null);

/**
 * Workday's `requestTime` as ISO-8601 UTC with milliseconds, or null when unreadable. A row
 * without a readable time cannot be placed in a window, so the page is refused as malformed.
 */
export function normaliseRequestTime(v: unknown): string | null {
  // Workday's own shape (docs/workday.md §4a) is already canonical: skip the Date round trip on the hot path.
  if (typeof v === "string" && CANONICAL.test(v)) return v;
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function toRecord(raw: unknown): ActivityRecord | null {
  const o = jsonObject(raw);
  if (o === null) return null;
  const requestTime = normaliseRequestTime(o.requestTime);
  if (requestTime === null) return null;
  const target = jsonObject(o.target);
  return {
    requestTime,
    systemAccount: str(o.systemAccount) ?? "",
    taskId: str(o.taskId),
    taskDisplayName: str(o.taskDisplayName),
    activityAction: str(o.activityAction),
    ipAddress: str(o.ipAddress),
    userAgent: str(o.userAgent),
    deviceType: str(o.deviceType),
    sessionId: str(o.sessionId),
    targetId: target ? str(target.id) : null,
    targetDescriptor: target ? str(target.descriptor) : null,
    targetHref: target ? str(target.href) : null,
  };
}

/** Reads `{"data": [...], "total": N}`; anything else (or a row without a time) is malformed. */
export function parseActivityPage(body: unknown): ParsedActivityPage {
  const o = jsonObject(body);
  if (o === null || !Array.isArray(o.data)) return { ok: false, problem: "The answer has no data array." };
  const rows: ActivityRecord[] = [];
  for (const raw of o.data as unknown[]) {
    const r = toRecord(raw);
    if (r === null) return { ok: false, problem: "A row has no readable requestTime." };
    rows.push(r);
  }
  return { ok: true, rows, total: typeof o.total === "number" && Number.isFinite(o.total) ? o.total : null };
}
