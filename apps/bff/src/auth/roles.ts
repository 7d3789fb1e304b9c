import type { NextFunction, Request, Response } from "express";
import type { Role } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import { currentPrincipal } from "./principal";

const RANK: Record<Role, number> = { support: 1, admin: 2 };

const BEARER = /^bearer\s/i;
const SESSION_ONLY = "API tokens do not open this route: it is for the console in a browser. Sign in to the console instead.";

/**
 * Route guard: the caller's role must be at least `role` (admin ⊃ support), whether a signed-in
 * user or an API token. `sessionOnly`: a browser session only, never a token (managing tokens,
 * starting consent in a pop-up). Every API route declares a guard (or publicRoute(why) /
 * browserRoute(why)); test/rbac.test.ts walks them.
 */
export function requireRole(role: Role, opts: { sessionOnly?: boolean } = {}) {
  const guard = (_req: Request, res: Response, next: NextFunction) => {
    const p = currentPrincipal(res);
    if (!p) return next(new AppError(401, "unauthenticated", "Sign in to continue."));
    if (opts.sessionOnly && p.kind === "token") return next(new AppError(403, "forbidden", SESSION_ONLY));
    if (RANK[p.role] < RANK[role]) {
      const who = p.kind === "token" ? `This API token has the ${p.role} role` : `You are signed in as ${p.role}`;
      return next(new AppError(403, "forbidden", `Only an ${role} can do this. ${who}.`));
    }
    next();
  };
  return Object.assign(guard, { requiredRole: role, sessionOnly: opts.sessionOnly === true });
}

/**
 * A public route of the browser session itself (sign-in, setup, sign-out, the session, SSO): a
 * request with an API token is refused, so a token can never become or change a session.
 */
export function browserRoute(why: string) {
  const guard = (req: Request, _res: Response, next: NextFunction) => {
    if (BEARER.test(req.get("authorization") ?? "")) return next(new AppError(403, "forbidden", SESSION_ONLY));
    next();
  };
  return Object.assign(guard, { publicRoute: why, sessionOnly: true });
}

export const requireAdmin = requireRole("admin");
export const requireSupport = requireRole("support");
/** Admins in a browser session only (see requireRole). */
export const requireAdminSession = requireRole("admin", { sessionOnly: true });
