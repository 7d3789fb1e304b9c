import type { NextFunction, Request, Response } from "express";
import type { Role } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import { currentSession } from "./session-middleware";

const RANK: Record<Role, number> = { support: 1, admin: 2 };

/**
 * Route guard: the signed-in user's role must be at least `role` (admin ⊃ support). Every API
 * route declares one (or is marked public with publicRoute(why), platform/http/public-route.ts); test/rbac.test.ts walks them.
 */
export function requireRole(role: Role) {
  const guard = (_req: Request, res: Response, next: NextFunction) => {
    const s = currentSession(res);
    if (!s) return next(new AppError(401, "unauthenticated", "Sign in to continue."));
    if (RANK[s.role] < RANK[role]) return next(new AppError(403, "forbidden", `Only an ${role} can do this.`));
    next();
  };
  return Object.assign(guard, { requiredRole: role });
}

export const requireAdmin = requireRole("admin");
export const requireSupport = requireRole("support");
