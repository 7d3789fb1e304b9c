import { CONNECTOR_STATUSES } from "@wc/workday";
import {
  CONNECTOR_SORTS,
  type ConnectorListParsed,
  type ConnectorSort,
  type ConnectorStatus,
  type Environment,
  type ListConnectorsResponse,
  type StatusCounts,
} from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import type { Store } from "../store/types";
import { SORT_KEYS } from "./connector-list-sql";
import type { ConnectorListFilter, ConnectorListRow, ConnectorPosition } from "./connector-list-store";

type Order = "asc" | "desc";
type Direction = "next" | "prev";

/** The filters as a cursor carries them: statuses sorted, so the same filter always reads the same. */
interface CursorFilter {
  s?: string[];
  e?: string;
  q?: string;
}

interface CursorBody {
  s: ConnectorSort;
  o: Order;
  d: Direction;
  p: ConnectorPosition;
  f: CursorFilter;
}

interface Cursor {
  sort: ConnectorSort;
  order: Order;
  direction: Direction;
  position: ConnectorPosition;
  filter: CursorFilter;
}

const badCursor = (message: string) => new AppError(400, "validation_failed", "Some fields need fixing.", { cursor: message });

/**
 * Opaque to clients: the row a page continues from, which way, and the sort and filters it belongs
 * to, so `?cursor=` alone pages on through the same list (the CLI sends nothing else).
 */
function encodeCursor(c: Cursor): string {
  const body: CursorBody = { s: c.sort, o: c.order, d: c.direction, p: c.position, f: c.filter };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

const isText = (v: unknown): v is string => typeof v === "string";

function decodeCursor(cursor: string): Cursor {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    body = null;
  }
  const b = body as Partial<CursorBody> | null;
  const sort = b && (CONNECTOR_SORTS as readonly unknown[]).includes(b.s) ? (b.s as ConnectorSort) : null;
  const keys = sort ? SORT_KEYS[sort] : null;
  const f = b?.f as Partial<Record<keyof CursorFilter, unknown>> | undefined;
  const fits =
    b &&
    keys &&
    (b.o === "asc" || b.o === "desc") &&
    (b.d === "next" || b.d === "prev") &&
    Array.isArray(b.p) &&
    b.p.length === keys.length &&
    keys.every((k, i) => (k.kind === "int" ? Number.isSafeInteger(b.p?.[i]) : typeof b.p?.[i] === "string")) &&
    typeof f === "object" &&
    f !== null &&
    (f.s === undefined || (Array.isArray(f.s) && f.s.every((x) => (CONNECTOR_STATUSES as readonly unknown[]).includes(x)))) &&
    (f.e === undefined || f.e === "production" || f.e === "sandbox") &&
    (f.q === undefined || isText(f.q));
  if (!fits || !sort) throw badCursor("Cursor is not one this server issued; start again from the first page.");
  return { sort, order: b.o as Order, direction: b.d as Direction, position: b.p as ConnectorPosition, filter: f as CursorFilter };
}

function cursorFilterOf(q: ConnectorListParsed): CursorFilter {
  return {
    ...(q.status !== undefined ? { s: [...q.status].sort() } : {}),
    ...(q.environment !== undefined ? { e: q.environment } : {}),
    ...(q.q !== undefined ? { q: q.q } : {}),
  };
}

function storeFilterOf(f: CursorFilter): ConnectorListFilter {
  return {
    ...(f.s !== undefined ? { statuses: f.s as ConnectorStatus[] } : {}),
    ...(f.e !== undefined ? { environment: f.e as Environment } : {}),
    ...(f.q !== undefined ? { search: f.q } : {}),
  };
}

/** What a request with a cursor lists: the cursor's sort and filters; the request may repeat them, not change them. */
function settle(q: ConnectorListParsed, cursor: Cursor | null): { sort: ConnectorSort; order: Order; filter: CursorFilter } {
  const asked = cursorFilterOf(q);
  if (!cursor) return { sort: q.sort ?? "name", order: q.order ?? "asc", filter: asked };
  if ((q.sort !== undefined && q.sort !== cursor.sort) || (q.order !== undefined && q.order !== cursor.order)) {
    throw badCursor(`This cursor belongs to sort=${cursor.sort}&order=${cursor.order}; send those, or start again without a cursor.`);
  }
  const filtered = q.status !== undefined || q.environment !== undefined || q.q !== undefined;
  if (filtered && JSON.stringify(asked) !== JSON.stringify(cursor.filter)) {
    throw badCursor("This cursor belongs to other filters; send the same filters (or none), or start again without a cursor.");
  }
  return { sort: cursor.sort, order: cursor.order, filter: cursor.filter };
}

function allCounts(found: Partial<StatusCounts>): StatusCounts {
  return Object.fromEntries(CONNECTOR_STATUSES.map((s) => [s, found[s] ?? 0])) as StatusCounts;
}

/**
 * One page of the connectors list. Keyset paging both ways: Next reads the rows after the page's
 * last row, Previous the rows before its first (in the opposite order, turned round), so rows
 * added or removed elsewhere never shift a page. A Previous that reaches the start answers the
 * first page, full, rather than a short page before it.
 */
export async function listConnectorsPage(store: Store, q: ConnectorListParsed): Promise<ListConnectorsResponse> {
  return answerOf(await readPage(store, q));
}

/**
 * The same page as JSON. Reads shared between requests (store/connector-read-cache.ts) come back
 * as the same objects until a connector changes, and the JSON built from them is kept too: the
 * first page is asked for on every visit to App Connectors, and serialising its ~14 KB was a tenth
 * of a list request's time (bench/README.md, P3).
 */
export async function listConnectorsJson(store: Store, q: ConnectorListParsed): Promise<string> {
  const read = await readPage(store, q);
  const key = `${read.sources.map(idOf).join(",")}|${read.total}|${JSON.stringify(q)}`;
  const hit = kept.get(key);
  if (hit !== undefined) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const json = JSON.stringify(answerOf(read));
  kept.set(key, json);
  if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value as string);
  return json;
}

const KEPT_ANSWERS = 64;
const kept = new Map<string, string>();
const ids = new WeakMap<object, number>();
let lastId = 0;
/** A number per object read, never reused: a key names the exact reads an answer was built from. */
const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++lastId));
  return id;
};

interface PageRead {
  cursor: Cursor | null;
  sort: ConnectorSort;
  order: Order;
  listed: CursorFilter;
  found: Partial<StatusCounts>;
  page: { rows: ConnectorListRow[]; before: boolean; after: boolean };
  total: number;
  /** The shared objects the page was read from (the counts, the row lists). */
  sources: object[];
}

async function readPage(store: Store, q: ConnectorListParsed): Promise<PageRead> {
  const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
  const { sort, order, filter: listed } = settle(q, cursor);
  const filter = storeFilterOf(listed);
  const sources: object[] = [];
  const read = async (o: Order, after: ConnectorPosition | undefined) => {
    const rows = await store.listConnectorPage({ filter, sort, order: o, limit: q.limit + 1, ...(after ? { after } : {}) });
    sources.push(rows);
    return rows;
  };

  const [found, page] = await Promise.all([
    store.countConnectorsByStatus(),
    (async (): Promise<{ rows: ConnectorListRow[]; before: boolean; after: boolean }> => {
      if (cursor?.direction === "prev") {
        const back = await read(order === "asc" ? "desc" : "asc", cursor.position);
        if (back.length > q.limit) return { rows: back.slice(0, q.limit).reverse(), before: true, after: true };
      } else if (cursor) {
        const rows = await read(order, cursor.position);
        return { rows: rows.slice(0, q.limit), before: true, after: rows.length > q.limit };
      }
      const rows = await read(order, undefined);
      return { rows: rows.slice(0, q.limit), before: false, after: rows.length > q.limit };
    })(),
  ]);
  sources.unshift(found);
  const counts = allCounts(found);
  // The counts answer a filter on status alone; search and environment need their own count.
  const total =
    filter.environment !== undefined || filter.search !== undefined
      ? await store.countConnectors(filter)
      : (filter.statuses ?? CONNECTOR_STATUSES).reduce((n, s) => n + counts[s], 0);
  return { cursor, sort, order, listed, found, page, total, sources };
}

function answerOf({ cursor, sort, order, listed, found, page, total }: PageRead): ListConnectorsResponse {
  const counts = allCounts(found);
  const first = page.rows[0]?.position ?? cursor?.position;
  const last = page.rows.at(-1)?.position;
  const at = (direction: Direction, position: ConnectorPosition | undefined) =>
    position === undefined ? null : encodeCursor({ sort, order, direction, position, filter: listed });
  return {
    connectors: page.rows.map((r) => r.summary),
    nextCursor: page.after ? at("next", last) : null,
    prevCursor: page.before ? at("prev", first) : null,
    total,
    counts,
  };
}
