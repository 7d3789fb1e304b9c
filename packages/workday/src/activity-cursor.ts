import { floorToSecond, WINDOW_OVERLAP_MS, workdayTime } from "./activity-window";

/**
 * Where paging through one window stands. Durable: the BFF stores it with every page of rows,
 * so a restart continues from exactly here.
 */
export interface PagingCursor {
  /** The current `from`, epoch ms on a whole second: the window start, or a re-anchor point. */
  anchorMs: number;
  /** The window end (exclusive), epoch ms on a whole second. */
  toMs: number;
  /** The next offset to ask for. */
  offset: number;
  /** The highest offset this tenant accepts (configured, lowered when Workday refuses one). */
  ceiling: number;
  /** requestTime (ISO) of the last row received under this window, the point to re-anchor on. */
  lastRowTime: string | null;
}

export interface PageRequest {
  from: string;
  to: string;
  offset: number;
  limit: number;
}

export type CursorStep = { kind: "next"; cursor: PagingCursor } | { kind: "done" } | { kind: "stuck"; problem: string };

export function startCursor(fromMs: number, toMs: number, ceiling: number): PagingCursor {
  return { anchorMs: fromMs, toMs, offset: 0, ceiling, lastRowTime: null };
}

export function pageRequest(c: PagingCursor, limit: number): PageRequest {
  return { from: workdayTime(c.anchorMs), to: workdayTime(c.toMs), offset: c.offset, limit };
}

/**
 * Moves past a page of `count` rows. The window is done when Workday's `total` (stable whatever
 * the paging, docs/workday.md §4a) is reached, or — without a total — when a page comes back short. When the next
 * offset would pass the ceiling, the window is re-anchored: `from` moves to the last row's time
 * (minus the boundary overlap, floored to the second) and the offset restarts at 0. Rows between
 * the new `from` and the last row come again; the store's natural key skips them.
 */
export function advanceCursor(c: PagingCursor, page: { count: number; total: number | null; lastRowTime: string | null }, limit: number): CursorStep {
  if (page.count === 0) return { kind: "done" };
  const next = c.offset + page.count;
  if (page.total !== null ? next >= page.total : page.count < limit) return { kind: "done" };
  const moved = { ...c, offset: next, lastRowTime: page.lastRowTime ?? c.lastRowTime };
  return next <= c.ceiling ? { kind: "next", cursor: moved } : reanchor(moved);
}

/**
 * Workday refused the current offset (a 400 past its ceiling): remember a lower ceiling for the
 * rest of this window and re-anchor on the last row received.
 */
export function offsetRefused(c: PagingCursor): CursorStep {
  if (c.offset === 0) return { kind: "stuck", problem: "Workday refused the first page of a window." };
  return reanchor({ ...c, ceiling: Math.min(c.ceiling, c.offset - 1) });
}

function reanchor(c: PagingCursor): CursorStep {
  const last = c.lastRowTime === null ? Number.NaN : Date.parse(c.lastRowTime);
  const anchorMs = floorToSecond(last - WINDOW_OVERLAP_MS);
  if (!Number.isFinite(anchorMs) || anchorMs <= c.anchorMs) {
    // Everything up to the ceiling fell within two seconds: moving `from` would not advance.
    return { kind: "stuck", problem: `More than ${c.ceiling} rows within two seconds after ${workdayTime(c.anchorMs)}: the offset ceiling cannot be passed.` };
  }
  return { kind: "next", cursor: { ...c, anchorMs, offset: 0 } };
}

/** Workday's `total` for one anchor, as its last page said (null: Workday sent none). */
export interface AnchorTotal {
  anchorMs: number;
  total: number | null;
}

/**
 * The page after `c`, when its request is certain before `c`'s page arrives, so it can be asked for
 * ahead: the same anchor, an offset within the ceiling, and below the anchor's total. A new
 * anchor's total comes with its first page, so nothing is asked ahead of that page; without any
 * total (Workday sent none) the next offset is asked for, and a window ending on a full page costs
 * one request whose answer is dropped. Null: ask for nothing ahead.
 */
export function pageAfter(c: PagingCursor, limit: number, counted: AnchorTotal | null): PagingCursor | null {
  const offset = c.offset + limit;
  if (offset > c.ceiling) return null;
  if (counted?.total != null && (counted.anchorMs !== c.anchorMs || offset >= counted.total)) return null;
  return { ...c, offset };
}
