import type { ActivityRow } from "@wc/contracts";
import { compareAsc, mergeSorted, positionOf, type ReadConnectors } from "./activity-across";
import type { ActivityPosition, ActivityQuery } from "./activity-store";

// Streams of every row across connectors (exports, the policy backtest). Pages across connectors
// are activity-across.ts; a stream could be read as page after page, but each page asks every
// connector again: at 10,000 connectors, 10,000 reads per 1,000 rows, almost all finding nothing.

/** A binary min-heap by `before`. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(f: T): void {
    const a = this.items;
    a.push(f);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i] as T, a[p] as T)) break;
      [a[i], a[p]] = [a[p] as T, a[i] as T];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l] as T, a[m] as T)) m = l;
        if (r < a.length && this.before(a[r] as T, a[m] as T)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as T, a[i] as T];
        i = m;
      }
    }
    return top;
  }
}

/**
 * A connector in a stream, by the position of its next row (`exact`), or by a position its next row
 * is known to lie after (a connector whose read was cut at a chunk's end).
 */
interface Frontier {
  id: string;
  next: ActivityPosition;
  exact: boolean;
}

function comparePositions(a: ActivityPosition, b: ActivityPosition): number {
  if (a.requestTime !== b.requestTime) return a.requestTime < b.requestTime ? -1 : 1;
  if (a.connectorId !== b.connectorId) return a.connectorId < b.connectorId ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Every row across these connectors in order, in chunks of `chunkSize`, for a store that reads
 * connectors in groups (PostgreSQL, where each statement is a round trip). The stream keeps each
 * connector's next row (one position each, in a heap): a chunk reads connectors in that order,
 * `groupSize` at a time, and stops at the first whose next row lies past the chunk's worst held
 * row. A connector is asked once where it starts, then once per chunk its rows fall in. A read cut
 * at the chunk's end leaves only "after here" for its connector: usually its rows go on in the
 * next chunk (connectors' rows interleave in time), so it is read there; if that read finds none,
 * the connector is asked where it resumes. A stream so costs reads in proportion to its rows, not
 * rows × connectors. Like pages, the reads are separate statements (activity-across.ts).
 */
export async function* streamAcrossConnectors(
  q: Omit<ActivityQuery, "limit" | "offset" | "after">,
  connectorIds: readonly string[],
  chunkSize: number,
  groupSize: number,
  read: ReadConnectors,
): AsyncGenerator<ActivityRow[]> {
  const sign = q.order === "asc" ? 1 : -1;
  const ahead = (a: ActivityPosition, b: ActivityPosition) => sign * comparePositions(a, b) < 0;
  const heap = new Heap<Frontier>((a, b) => ahead(a.next, b.next));
  let after: ActivityPosition | undefined;
  /** Where each of these connectors resumes after `after`: its first row, or nothing (done). */
  const locate = async (ids: readonly string[]) => {
    for (let i = 0; i < ids.length; i += groupSize) {
      const part = ids.slice(i, i + groupSize);
      for (const r of await read({ ...q, limit: part.length, ...(after ? { after } : {}) }, part, undefined, 1)) {
        heap.push({ id: r.connectorId, next: positionOf(r), exact: true });
      }
    }
  };
  await locate(connectorIds);
  while (heap.size > 0) {
    let best: ActivityRow[] = [];
    // Each connector read in this chunk: the rows it returned, and up to where they were all of its
    // rows (null: they were all it has).
    const readIn = new Map<string, { rows: ActivityRow[]; upTo: ActivityPosition | null; exact: boolean }>();
    for (;;) {
      const bound = best.length >= chunkSize ? positionOf(best.at(-1) as ActivityRow) : undefined;
      const group: Frontier[] = [];
      while (group.length < groupSize) {
        const top = heap.peek();
        if (top === undefined || (bound !== undefined && !ahead(top.next, bound))) break;
        heap.pop();
        group.push(top);
      }
      if (group.length === 0) break;
      const rows = await read(
        { ...q, limit: chunkSize, ...(after ? { after } : {}) },
        group.map((f) => f.id),
        bound,
      );
      // A full answer holds the group's rows up to its last; a short one, all of them below `bound`.
      const upTo = rows.length >= chunkSize ? positionOf(rows.at(-1) as ActivityRow) : (bound ?? null);
      for (const f of group) readIn.set(f.id, { rows: [], upTo, exact: f.exact });
      for (const r of rows) readIn.get(r.connectorId)?.rows.push(r);
      if (rows.length > 0) best = best.length === 0 ? rows.slice(0, chunkSize) : mergeSorted(best, rows, q.order, chunkSize);
    }
    if (best.length === 0) return;
    yield best;
    const sent = positionOf(best.at(-1) as ActivityRow);
    after = sent;
    const unknown: string[] = [];
    for (const [id, { rows, upTo, exact }] of readIn) {
      // Its first row not sent, if its read returned one. Else, if its rows were all returned, it
      // is done; if it had rows in this chunk, it likely goes on in the next (read it there); if a
      // read on a bound found none, ask where it resumes.
      const next = rows.find((r) => ahead(sent, positionOf(r)));
      if (next !== undefined) heap.push({ id, next: positionOf(next), exact: true });
      else if (upTo === null) continue;
      else if (rows.length > 0 || exact) heap.push({ id, next: upTo, exact: false });
      else unknown.push(id);
    }
    await locate(unknown);
  }
}

/** Rows a one-connector stream holds ahead at most, over all its connectors (~tens of MB). */
export const STREAM_LOOKAHEAD_ROWS = 20_000;

/** A connector in a one-connector-per-read stream: the rows read ahead, and whether it has more. */
interface Lookahead {
  id: string;
  rows: ActivityRow[];
  at: number;
  more: boolean;
}

/**
 * Every row across these connectors in order (after `q.after` if given), in chunks of `chunkSize`,
 * for a store that reads one connector per statement (SQLite, where a statement costs no round
 * trip but costs its run: ~35 µs). `streamAcrossConnectors` reads a busy connector once per chunk,
 * which with thousands of busy connectors (rows interleaved in time) is a statement per row. Here
 * each connector is read `perRead` rows ahead and merged by a heap of their next rows: a statement
 * per `perRead` rows, and at most STREAM_LOOKAHEAD_ROWS rows held (`perRead` shrinks as connectors
 * grow in number).
 *
 * For a page (`o.take`: the reader takes at most that many rows, its first read one row each):
 * each connector's first read is bounded by the `take`-th best first row read so far. Those are
 * real rows, so a connector with nothing before them has none among the first `take` and is left
 * out after one probe that finds nothing.
 */
export async function* streamByConnector(
  q: Omit<ActivityQuery, "limit" | "offset">,
  connectorIds: readonly string[],
  chunkSize: number,
  read: ReadConnectors,
  o: { take?: number } = {},
): AsyncGenerator<ActivityRow[]> {
  const perRead = Math.max(1, Math.min(chunkSize, Math.floor(STREAM_LOOKAHEAD_ROWS / Math.max(1, connectorIds.length))));
  const sign = q.order === "asc" ? 1 : -1;
  const heap = new Heap<Lookahead>((a, b) => sign * compareAsc(a.rows[a.at] as ActivityRow, b.rows[b.at] as ActivityRow) < 0);
  const fill = async (id: string, limit: number, after?: ActivityPosition, until?: ActivityPosition) => {
    const rows = await read({ ...q, limit, ...(after ? { after } : {}) }, [id], until);
    if (rows.length > 0) heap.push({ id, rows, at: 0, more: rows.length >= limit });
    return rows[0];
  };
  if (o.take === undefined) for (const id of connectorIds) await fill(id, perRead);
  else {
    // The `take` best first rows so far, the worst of them on top.
    const firsts = new Heap<ActivityRow>((a, b) => sign * compareAsc(a, b) > 0);
    for (const id of connectorIds) {
      const worst = firsts.size >= o.take ? firsts.peek() : undefined;
      const row = await fill(id, 1, undefined, worst && positionOf(worst));
      if (row === undefined) continue;
      firsts.push(row);
      if (firsts.size > o.take) firsts.pop();
    }
  }
  let chunk: ActivityRow[] = [];
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const row = top.rows[top.at++] as ActivityRow;
    chunk.push(row);
    // Its next row must be in the heap before the next is taken: it may be the very next.
    if (top.at < top.rows.length) heap.push(top);
    else if (top.more) await fill(top.id, perRead, positionOf(row));
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Rows a page across connectors takes from its stream at a time, however deep its offset. */
const PAGE_CHUNK = 1000;

/**
 * A page across connectors for a store that reads one connector per statement (SQLite): the rows
 * of `streamByConnector` after `q.offset` (and `q.after`), each connector first read for its next
 * row only. `listAcrossConnectors` reads up to a page from each connector, bounded by the page's
 * worst row so far; when connectors come (in id order) in the order of their rows, as when ids
 * follow creation and older connectors hold older rows, every read returns a page: 10,000
 * connectors × 50 rows, seconds for one page. Here it is one statement per connector plus one
 * per `perRead` rows taken, whatever the order.
 */
export async function pageByConnector(q: ActivityQuery, connectorIds: readonly string[], read: ReadConnectors): Promise<ActivityRow[]> {
  const { offset = 0, limit, ...rest } = q;
  const out: ActivityRow[] = [];
  if (limit <= 0) return out;
  let skip = offset;
  for await (const chunk of streamByConnector(rest, connectorIds, Math.min(offset + limit, PAGE_CHUNK), read, { take: offset + limit })) {
    const from = Math.min(skip, chunk.length);
    skip -= from;
    for (let i = from; i < chunk.length && out.length < limit; i++) out.push(chunk[i] as ActivityRow);
    if (out.length >= limit) break;
  }
  return out;
}
