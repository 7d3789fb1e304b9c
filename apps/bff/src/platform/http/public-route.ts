import type { NextFunction, Request, Response } from "express";

/**
 * Marks a route as reachable without signing in, with the reason. Every API route carries either
 * this or a role guard; a test walks the router and fails on a route with neither.
 */
export function publicRoute(why: string) {
  const pass = (_req: Request, _res: Response, next: NextFunction) => next();
  return Object.assign(pass, { publicRoute: why });
}
