import type { NextFunction, Request, Response } from "express";
import { serializeCookie } from "../platform/http/cookies";
import type { UserRecord } from "./auth-store";
import type { SessionRecord } from "../store/types";
import { hashSessionToken, isExpired, sessionCookie, sessionTokenOf, type SessionDeps } from "./sessions";
import { currentPrincipal, setPrincipal } from "./principal";

/** Writing last-seen on every request would be a write per request; a minute of slack is harmless. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the signed-in user from the session cookie (the store holds only the token's hash).
 * Expired sessions (idle or absolute) are deleted on sight; the role is the user's current one,
 * so a role change or a removal applies at the next request. No session → anonymous.
 */
export function sessionMiddleware(d: SessionDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // An API token already said who this is (api-tokens/); its requests carry no cookie.
    if (currentPrincipal(res)) return next();
    const token = sessionTokenOf(req, d.secure);
    if (!token) return next();
    const found = await d.store.getSessionWithUser(hashSessionToken(token));
    const s = found?.session;
    const now = d.now();
    const user = s && !isExpired(s, now, d.policy) ? (found?.user ?? null) : null;
    if (!s || !user) {
      if (s) await d.store.deleteSession(s.id);
      res.append("Set-Cookie", serializeCookie(sessionCookie(d.secure), "", { secure: d.secure, maxAgeSeconds: 0 }));
      return next();
    }
    let lastSeenAt = s.lastSeenAt;
    if (now.getTime() - Date.parse(s.lastSeenAt) >= TOUCH_EVERY_MS) {
      lastSeenAt = now.toISOString();
      await d.store.touchSession(s.id, lastSeenAt);
    }
    res.locals.session = { ...s, lastSeenAt, userName: user.name, role: user.role } satisfies SessionRecord;
    res.locals.user = user;
    setPrincipal(res, { kind: "session", id: user.id, name: user.name, role: user.role });
    next();
  };
}

export function currentSession(res: Response): SessionRecord | undefined {
  return (res.locals as { session?: SessionRecord }).session;
}

export function currentUser(res: Response): UserRecord | undefined {
  return (res.locals as { user?: UserRecord }).user;
}

/** For handlers behind requireRole: the guard has already answered 401 without a session. */
export function requireSession(res: Response): SessionRecord {
  const s = currentSession(res);
  if (!s) throw new Error("requireSession used on a route without a role guard");
  return s;
}
