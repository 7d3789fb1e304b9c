import type { NextFunction, Request, Response } from "express";
import type { AppMetrics } from "./metrics";

/** The route label of a request no route took (unknown paths, static files, refusals before routing). */
export const UNMATCHED_ROUTE = "unmatched";

interface Layer {
  route?: { path: unknown };
  handle?: unknown;
  rawPath?: unknown;
}

/**
 * Each Express route object mapped to its full template: the mount paths of the routers it sits
 * in, then its own path (`/api` + `/connectors` + `/:id`). Walked once, after every route is
 * mounted; `req.route` is that same object however the request then ends (a route that fails
 * with next(err) is still its route, even though the routers have restored `req.baseUrl`).
 */
export function routeTemplates(app: unknown): WeakMap<object, string> {
  const templates = new WeakMap<object, string>();
  const visit = (stack: unknown, prefix: string) => {
    if (!Array.isArray(stack)) return;
    for (const layer of stack as Layer[]) {
      if (layer.route && typeof layer.route.path === "string") {
        // A router's own "/" route is named by its mount path alone (`/api/connectors`, as its URL
        // is written), not with a trailing slash that a dashboard's query would not expect.
        const full = prefix + layer.route.path;
        templates.set(layer.route, full.length > 1 && full.endsWith("/") ? full.slice(0, -1) : full);
        continue;
      }
      const inner = (layer.handle as { stack?: unknown } | undefined)?.stack;
      if (inner === undefined) continue;
      // A router mounted on a pattern other than a plain path cannot be named: its routes stay unmatched.
      if (layer.rawPath !== undefined && typeof layer.rawPath !== "string") continue;
      const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath.replace(/\/$/, "") : "";
      visit(inner, prefix + mount);
    }
  };
  visit((app as { router?: { stack?: unknown } }).router?.stack, "");
  return templates;
}

/**
 * Counts every answered request by route template, never by its URL (ids and codes would make
 * the label unbounded and could leak). `templates()` is read when the response finishes, so the
 * middleware can be mounted before the routes it will name.
 */
export function countRequests(metrics: Pick<AppMetrics, "httpRequest">, templates: () => WeakMap<object, string>) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.on("finish", () => {
      const route: unknown = req.route;
      const template = typeof route === "object" && route !== null ? templates().get(route) : undefined;
      metrics.httpRequest(req.method, template ?? UNMATCHED_ROUTE, res.statusCode);
    });
    next();
  };
}
