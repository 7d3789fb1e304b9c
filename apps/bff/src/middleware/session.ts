import { createHash, randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Store, SessionRecord } from "../store/types";
import { cookieName, readCookie, serializeCookie } from "../lib/cookies";

export interface SessionOptions {
  store: Store;
  secure: boolean;
  now: () => Date;
}

const hashId = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Server-side sessions: the cookie holds a random token, the store only its hash. Until sign-in
 * lands (issue 5), a browser without a session gets a fresh local-admin session.
 */
export function sessionMiddleware(o: SessionOptions) {
  const name = cookieName("wc_session", o.secure);
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readCookie(req.headers.cookie, name);
    const now = o.now().toISOString();
    if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) {
      const s = await o.store.getSession(hashId(token));
      if (s) {
        res.locals.session = s;
        await o.store.touchSession(s.id, now);
        return next();
      }
    }
    const fresh = randomBytes(32).toString("base64url");
    const session: SessionRecord = {
      id: hashId(fresh),
      userId: "local-admin",
      userName: "Local admin",
      role: "admin",
      createdAt: now,
      lastSeenAt: now,
    };
    await o.store.createSession(session);
    res.locals.session = session;
    res.append("Set-Cookie", serializeCookie(name, fresh, { secure: o.secure }));
    next();
  };
}

export function currentSession(res: Response): SessionRecord | undefined {
  return (res.locals as { session?: SessionRecord }).session;
}

export function requireSession(res: Response): SessionRecord {
  const s = currentSession(res);
  if (!s) throw new Error("session middleware did not run");
  return s;
}
