import type { Request, Response } from "express";
import type { SimState } from "../model/state";
import { authenticate, authorize, permissionDenied } from "./access";
import { QueryReader } from "./query-params";

export interface ActivityQuery {
  fromMs: number;
  toMs: number;
  limit: number;
  offset: number;
  countOnly: boolean;
}

export function readActivityQuery(query: unknown, offsetCeiling: number): ActivityQuery {
  const q = new QueryReader(query);
  const fromMs = q.utcSeconds("from");
  const toMs = q.utcSeconds("to");
  if (q.problems.length === 0 && fromMs > toMs) q.problems.push("'from' must not be after 'to'.");
  const limit = q.integer("limit", 100, 1, 1000);
  const offset = q.integer("offset", 0, 0, offsetCeiling, " Narrow the from/to window instead of paging further.");
  const type = q.string("type");
  if (type !== undefined && type !== "userActivity") q.problems.push(`'type' must be userActivity, got '${type}'.`);
  // instancesReturned is accepted and ignored: its meaning is not documented.
  const countOnly = q.boolean("returnUserActivityEntryCount");
  q.done();
  return { fromMs, toMs, limit, offset, countOnly };
}

/** GET /ccx/api/privacy/v1/<tenant>/activityLogging */
export function activityLogging(state: SimState) {
  return (req: Request<{ tenant: string }>, res: Response): void => {
    const ctx = authenticate(state, req, req.params.tenant);
    authorize(ctx, "System", "system_auditing");
    const query = readActivityQuery(req.query, state.options.offsetCeiling);
    const log = ctx.tenant.activity;
    if (!ctx.tenant.settings.userActivityLogging) {
      if (state.options.activityLoggingOffBehavior === "forbidden") throw permissionDenied();
      res.json(query.countOnly ? { data: [{ userActivityEntryCount: 0 }], total: 1 } : { data: [], total: 0 });
      return;
    }
    const total = log.count(query.fromMs, query.toMs);
    if (query.countOnly) {
      res.json({ data: [{ userActivityEntryCount: total }], total: 1 });
      return;
    }
    const rows = log.page(query.fromMs, query.toMs, query.offset, query.limit, {
      isuAccount: "isu_wdconnect",
      workerHref: (id) => `${state.endpoints(ctx.tenant.name).restApiEndpoint}/workers/${id}`,
    });
    res.json({ data: rows, total });
  };
}
