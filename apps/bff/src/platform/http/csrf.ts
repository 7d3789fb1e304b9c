import type { NextFunction, Request, Response } from "express";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@wc/contracts";
import { AppError } from "./app-error";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * State-changing requests need our custom header (a cross-site page cannot send it without a
 * CORS preflight we never grant) and, when the browser says where it comes from, our own origin.
 * Requests with an API token need neither (see api-tokens/api-token-auth.ts).
 */
export function csrfGuard(publicOrigin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    // Set by the API token middleware: an Authorization header already proves the request is not a cross-site form.
    if (res.locals.csrfExempt === true) return next();
    if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      return next(new AppError(403, "csrf_rejected", `Missing the ${CSRF_HEADER} header: state-changing requests must come from the console.`));
    }
    const origin = req.get("origin");
    if (origin !== undefined && origin !== publicOrigin) {
      return next(new AppError(403, "csrf_rejected", "Cross-origin requests are refused."));
    }
    const site = req.get("sec-fetch-site");
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      return next(new AppError(403, "csrf_rejected", "Cross-site requests are refused."));
    }
    next();
  };
}
