import { Router, type Request } from "express";
import { faultGate } from "../http/fault-gate";
import type { FaultRoute } from "../model/faults";
import type { SimState } from "../model/state";
import { authenticate, resourceNotFound } from "./access";
import { activityLogging } from "./activity-logging-route";
import { getWorker, listWorkers } from "./workers-route";

/** `/ccx/api/<service>/v<N>/<tenant>/…` or `/ccx/api/v<N>/<tenant>/…` (relative to the mount). */
const TENANT_IN_PATH = /^\/(?:[A-Za-z]+\/)?v\d+\/([^/?]+)/;

const tenantOf = (req: Request): string | undefined => TENANT_IN_PATH.exec(req.path)?.[1];

function faultRoutes(req: Request): FaultRoute[] {
  if (/^\/privacy\/v1\/[^/]+\/activityLogging\/?$/.test(req.path)) return ["activityLogging", "rest"];
  if (/^\/v1\/[^/]+\/workers(\/[^/]+)?\/?$/.test(req.path)) return ["workers", "rest"];
  return ["rest"];
}

/** The REST APIs on the services host, mounted at /ccx/api. */
export function apiRouter(state: SimState): Router {
  const router = Router();
  // Logged on arrival, before any fault holds it: a delayed request is in flight all along.
  router.get("/privacy/v1/:tenant/activityLogging", (req, res, next) => {
    const raw = (name: string) => {
      const v = req.query[name];
      return typeof v === "string" ? v : null;
    };
    const done = state.activityRequests.start({
      tenant: req.params.tenant,
      from: raw("from"),
      to: raw("to"),
      offset: raw("offset"),
      limit: raw("limit"),
      countOnly: raw("returnUserActivityEntryCount") === "true",
    });
    res.on("close", done);
    next();
  });
  router.use(faultGate(state, faultRoutes, tenantOf));
  router.get("/privacy/v1/:tenant/activityLogging", activityLogging(state));
  router.get("/v1/:tenant/workers", listWorkers(state));
  router.get("/v1/:tenant/workers/:id", getWorker(state));
  // Anything else: a valid token still gets Workday's 404; an invalid one gets 401 first.
  router.use((req) => {
    const tenant = tenantOf(req);
    if (tenant !== undefined) authenticate(state, req, tenant);
    throw resourceNotFound();
  });
  return router;
}
