import express, { Router, type Request, type Response } from "express";
import { controlError } from "../lib/http-error";
import { isoMillis } from "../lib/time";
import type { SimState } from "../model/state";
import { clientRoutes } from "./client-routes";
import { clockSchema, faultSchema, optionsSchema, parseBody } from "./schemas";
import { tenantRoutes } from "./tenant-routes";

const optionsView = (state: SimState) => {
  const { now: _now, ...options } = state.options;
  return options;
};

/** The JSON control API under /_sim/api, for tests and scripts. */
export function controlRouter(state: SimState): Router {
  const router = Router();
  router.use(express.json({ limit: "100kb" }));
  router.use((req, _res, next) => {
    // A body sent as text/plain or form data would be silently ignored; say so instead.
    if (
      req.method !== "GET" &&
      req.method !== "DELETE" &&
      req.headers["content-length"] &&
      req.headers["content-length"] !== "0" &&
      !req.is("application/json")
    ) {
      throw controlError(400, "Send the body as JSON with Content-Type: application/json.");
    }
    next();
  });

  router.post("/reset", (_req, res) => {
    state.reset();
    res.json({ reset: true, tenants: [...state.tenants.keys()] });
  });
  router.use(tenantRoutes(state));
  router.use(clientRoutes(state));

  router.get("/faults", (_req, res) => {
    res.json({ faults: state.faults.list() });
  });
  router.post("/faults", (req, res) => {
    res.status(201).json(state.faults.add(parseBody(faultSchema, req.body)));
  });
  router.delete("/faults", (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  });
  router.delete("/faults/:id", (req: Request<{ id: string }>, res: Response) => {
    if (!state.faults.remove(req.params.id)) throw controlError(404, `There is no fault '${req.params.id}'.`);
    res.status(204).end();
  });

  router.get("/options", (_req, res) => {
    res.json(optionsView(state));
  });
  router.patch("/options", (req, res) => {
    const patch = parseBody(optionsSchema, req.body);
    state.options = { ...state.options, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    res.json(optionsView(state));
  });

  router.get("/token-log", (_req, res) => {
    res.json(state.tokenLog.snapshot());
  });
  router.delete("/token-log", (_req, res) => {
    state.tokenLog.clear();
    res.status(204).end();
  });

  router.get("/activity-requests", (_req, res) => {
    res.json(state.activityRequests.snapshot());
  });
  router.delete("/activity-requests", (_req, res) => {
    state.activityRequests.clear();
    res.status(204).end();
  });

  router.get("/clock", (_req, res) => {
    res.json({ now: isoMillis(state.now()), offsetSeconds: state.clockOffsetMs / 1000 });
  });
  router.post("/clock", (req, res) => {
    state.clockOffsetMs += parseBody(clockSchema, req.body).advanceSeconds * 1000;
    res.json({ now: isoMillis(state.now()), offsetSeconds: state.clockOffsetMs / 1000 });
  });
  router.delete("/clock", (_req, res) => {
    state.clockOffsetMs = 0;
    res.json({ now: isoMillis(state.now()), offsetSeconds: 0 });
  });

  router.use(() => {
    throw controlError(404, "No such control route; see apps/workday-sim/README.md.");
  });
  return router;
}
