import type { NextFunction, Request, Response } from "express";

/**
 * Every API answer holds data for one signed-in user at one moment (or an error about it): no
 * browser, proxy or CDN may keep it. Routes that stream set their own headers and keep this one.
 */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Cache-Control", "no-store");
  next();
}
