import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Request, RequestHandler, Response } from "express";
import type { Fault, FaultRoute } from "../model/faults";
import type { SimState } from "../model/state";

/** Plays an injected fault. Returns true when the request was answered (or dropped) here. */
async function play(fault: Fault, req: Request, res: Response, html: boolean): Promise<boolean> {
  switch (fault.kind) {
    case "latency":
      await sleep(fault.latencyMs ?? 0);
      return false;
    case "status": {
      const status = fault.status ?? 500;
      res
        .status(status)
        .type("text/plain")
        .send(`${status} ${STATUS_CODES[status] ?? "Error"}`);
      return true;
    }
    case "rate_limit":
      res
        .status(429)
        .set("Retry-After", String(fault.retryAfterSeconds ?? 1))
        .type("text/plain")
        .send("Too Many Requests");
      return true;
    case "reset":
      req.socket.destroy();
      return true;
    case "malformed":
      res.status(200);
      if (html) res.type("html").send("<!doctype html><html><body><form action=");
      else res.type("application/json").send('{"data":[{"requestTime":"2024-01-0');
      return true;
  }
}

/**
 * Middleware that applies the next matching fault, if any. `routes` names the fault routes this
 * request counts as (an activityLogging call is both "activityLogging" and "rest").
 */
export function faultGate(state: SimState, routes: (req: Request) => readonly FaultRoute[], tenantOf: (req: Request) => string | undefined): RequestHandler {
  return async (req, res, next) => {
    const matching = routes(req);
    const fault = matching.length > 0 ? state.faults.take(matching, tenantOf(req)) : undefined;
    if (fault && (await play(fault, req, res, matching.includes("authorize")))) return;
    next();
  };
}
