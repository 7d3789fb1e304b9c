import type { ActivityFilter, ActivityListParsed, ActivityListResponse } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import type { ActivityPosition, Store } from "../store/types";

interface CursorBody {
  o: "asc" | "desc";
  t: string;
  c: string;
  k: string;
}

/** Opaque to the browser: the last row's position and the order it was read in. */
export function encodeCursor(order: "asc" | "desc", p: ActivityPosition): string {
  const body: CursorBody = { o: order, t: p.requestTime, c: p.connectorId, k: p.key };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

export function decodeCursor(cursor: string, order: "asc" | "desc"): ActivityPosition {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    body = null;
  }
  const b = body as Partial<CursorBody> | null;
  if (!b || typeof b.t !== "string" || typeof b.c !== "string" || typeof b.k !== "string" || b.o !== order) {
    throw new AppError(400, "validation_failed", "Some fields need fixing.", {
      cursor: "Cursor is not one this server issued for this order; start again from the first page.",
    });
  }
  return { requestTime: b.t, connectorId: b.c, key: b.k };
}

/** Only the filter fields of a parsed list or export query. */
export function filterOf(q: ActivityFilter): ActivityFilter {
  const { from, to, account, task, action, ipAddress, deviceType, sessionId, connectorId } = q;
  const f: ActivityFilter = {};
  for (const [k, v] of Object.entries({ from, to, account, task, action, ipAddress, deviceType, sessionId, connectorId })) {
    if (v !== undefined) (f as Record<string, unknown>)[k] = v;
  }
  return f;
}

/** One page of the activity list, by page number or by cursor, with the total for the filters. */
export async function listActivityPage(store: Store, q: ActivityListParsed, filter: ActivityFilter): Promise<ActivityListResponse> {
  const after = q.cursor !== undefined ? decodeCursor(q.cursor, q.order) : undefined;
  const page = after ? null : (q.page ?? 1);
  // One extra row tells whether a next page exists without a second query.
  const rows = await store.listActivity({
    filter,
    order: q.order,
    limit: q.pageSize + 1,
    ...(after ? { after } : { offset: ((page ?? 1) - 1) * q.pageSize }),
  });
  const visible = rows.slice(0, q.pageSize);
  const last = visible.at(-1);
  const nextCursor =
    rows.length > q.pageSize && last ? encodeCursor(q.order, { requestTime: last.requestTime, connectorId: last.connectorId, key: last.id }) : null;
  return { rows: visible, total: await store.countActivity(filter), page, pageSize: q.pageSize, nextCursor };
}
