import type { ActivityRow } from "@wc/contracts";
import type { ActivityPosition, ActivityQuery } from "./activity-store";

/**
 * How many rows a page across connectors may be computed from at once. Deeper offsets are walked
 * to in steps of this many by keyset, so memory stays bounded whatever page is asked for.
 */
export const ACROSS_WINDOW = 10_000;

/**
 * Reads the first `q.limit` rows of these connectors together, in order, before `until` if given;
 * with `perConnector`, at most that many of each connector's.
 */
export type ReadConnectors = (
  q: ActivityQuery,
  connectorIds: readonly string[],
  until?: ActivityPosition,
  perConnector?: number,
) => ActivityRow[] | Promise<ActivityRow[]>;

export const positionOf = (r: ActivityRow): ActivityPosition => ({ requestTime: r.requestTime, connectorId: r.connectorId, key: r.id });

// Times are ISO-8601 UTC text, connector ids and row keys ASCII: JavaScript's string order is
// then the byte order both engines sort these columns in (BINARY, COLLATE "C").
export function compareAsc(a: ActivityRow, b: ActivityRow): number {
  if (a.requestTime !== b.requestTime) return a.requestTime < b.requestTime ? -1 : 1;
  if (a.connectorId !== b.connectorId) return a.connectorId < b.connectorId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Two lists already in order, merged and cut to `max`. */
export function mergeSorted(a: ActivityRow[], b: ActivityRow[], order: "asc" | "desc", max: number): ActivityRow[] {
  const sign = order === "asc" ? 1 : -1;
  const out: ActivityRow[] = [];
  let i = 0;
  let j = 0;
  while (out.length < max && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && sign * compareAsc(x, y) <= 0)) {
      out.push(x as ActivityRow);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * The first `q.limit` rows across these connectors (no offset): each chunk of `chunkSize`
 * connectors is read in order and merged into the best rows so far. Once `q.limit` rows are held,
 * the worst of them bounds the next reads, so a connector whose rows all come later costs one
 * index probe that finds nothing.
 */
async function firstRows(q: ActivityQuery, connectorIds: readonly string[], chunkSize: number, read: ReadConnectors): Promise<ActivityRow[]> {
  let best: ActivityRow[] = [];
  for (let i = 0; i < connectorIds.length; i += chunkSize) {
    const worst = best.length >= q.limit ? best.at(-1) : undefined;
    const rows = await read(q, connectorIds.slice(i, i + chunkSize), worst ? positionOf(worst) : undefined);
    if (rows.length > 0) best = best.length === 0 ? rows.slice(0, q.limit) : mergeSorted(best, rows, q.order, q.limit);
  }
  return best;
}

/**
 * A page of activity across connectors, in (requestTime, connectorId, key) order, by offset or
 * after a keyset position. There is no global time index (it would cost every insert), so the page
 * is merged from per-connector ranges; one statement cannot name them all (SQLite takes at most
 * 500 terms in a compound SELECT, PostgreSQL 65,535 parameters), so they are read `chunkSize`
 * connectors at a time. The reads are separate statements: a row committed meanwhile may show for
 * a connector read after it and not for one read before, as it may between two pages.
 */
export async function listAcrossConnectors(q: ActivityQuery, connectorIds: readonly string[], chunkSize: number, read: ReadConnectors): Promise<ActivityRow[]> {
  if (connectorIds.length === 0) return [];
  const { offset: asked, after: from, ...base } = q;
  let offset = asked ?? 0;
  let after = from;
  while (offset >= ACROSS_WINDOW) {
    const skipped = await firstRows({ ...base, limit: ACROSS_WINDOW, ...(after ? { after } : {}) }, connectorIds, chunkSize, read);
    const last = skipped.at(-1);
    if (!last || skipped.length < ACROSS_WINDOW) return [];
    after = positionOf(last);
    offset -= ACROSS_WINDOW;
  }
  const rows = await firstRows({ ...base, limit: offset + q.limit, ...(after ? { after } : {}) }, connectorIds, chunkSize, read);
  return rows.slice(offset);
}
