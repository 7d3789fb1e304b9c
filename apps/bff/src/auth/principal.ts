import type { Response } from "express";
import type { Role } from "@wc/contracts";

/**
 * Who a request acts as: a signed-in person (browser session) or an API token. Role guards, the
 * audit log and every "changed by" read this, so a token is held to the same rules as its role.
 */
export interface Principal {
  kind: "session" | "token";
  /** The user's id, or the token's. */
  id: string;
  /** The user's name, or `API token "<name>"`: what the audit log and "changed by" show. */
  name: string;
  role: Role;
}

export function setPrincipal(res: Response, p: Principal) {
  res.locals.principal = p;
}

export function currentPrincipal(res: Response): Principal | undefined {
  return (res.locals as { principal?: Principal }).principal;
}

/** For handlers behind requireRole: the guard has already answered 401 without a principal. */
export function requirePrincipal(res: Response): Principal {
  const p = currentPrincipal(res);
  if (!p) throw new Error("requirePrincipal used on a route without a role guard");
  return p;
}
