import { hash, randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { SESSION_COOKIE, type SessionResponse } from "@wc/contracts";
import { cookieName, readCookie, serializeCookie } from "../platform/http/cookies";
import type { UserRecord } from "./auth-store";
import type { SessionRecord, Store } from "../store/types";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionDeps {
  store: Store;
  now: () => Date;
  secure: boolean;
  policy: SessionPolicy;
}

export const hashSessionToken = (token: string) => hash("sha256", token, "base64url");
export const sessionCookie = (secure: boolean) => cookieName(SESSION_COOKIE, secure);
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function sessionTokenOf(req: Request, secure: boolean): string | undefined {
  const t = readCookie(req.headers.cookie, sessionCookie(secure));
  return t && TOKEN_SHAPE.test(t) ? t : undefined;
}

export function isExpired(s: Pick<SessionRecord, "createdAt" | "lastSeenAt">, now: Date, p: SessionPolicy): boolean {
  const t = now.getTime();
  return t >= Date.parse(s.lastSeenAt) + p.idleMs || t >= Date.parse(s.createdAt) + p.absoluteMs;
}

/**
 * Signs the user in on this browser: whatever session the request carried is ended first and a
 * new random id issued (no session fixation). The cookie lives no longer than the absolute timeout.
 */
export async function startSession(d: SessionDeps, req: Request, res: Response, user: UserRecord): Promise<SessionRecord> {
  await endSession(d, req, res);
  const token = randomBytes(32).toString("base64url");
  const at = d.now().toISOString();
  const s: SessionRecord = {
    id: hashSessionToken(token),
    userId: user.id,
    userName: user.name,
    role: user.role,
    createdAt: at,
    lastSeenAt: at,
    ip: req.ip ?? null,
  };
  await d.store.createSession(s);
  res.append("Set-Cookie", serializeCookie(sessionCookie(d.secure), token, { secure: d.secure, maxAgeSeconds: Math.floor(d.policy.absoluteMs / 1000) }));
  res.locals.session = s;
  return s;
}

/** Deletes the server-side session (if any) and tells the browser to drop the cookie. */
export async function endSession(d: SessionDeps, req: Request, res: Response): Promise<boolean> {
  const token = sessionTokenOf(req, d.secure);
  const existed = token !== undefined && (await d.store.getSession(hashSessionToken(token))) !== null;
  if (token) await d.store.deleteSession(hashSessionToken(token));
  if (token) res.append("Set-Cookie", serializeCookie(sessionCookie(d.secure), "", { secure: d.secure, maxAgeSeconds: 0 }));
  delete res.locals.session;
  return existed;
}

export function sessionBody(
  s: SessionRecord | undefined,
  user: UserRecord | undefined,
  extra: { setupRequired: boolean; sso: SessionResponse["sso"] },
  p: SessionPolicy,
): SessionResponse {
  if (!s || !user) return { user: null, ...extra, idleExpiresAt: null, absoluteExpiresAt: null };
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role, source: user.source },
    ...extra,
    idleExpiresAt: new Date(Date.parse(s.lastSeenAt) + p.idleMs).toISOString(),
    absoluteExpiresAt: new Date(Date.parse(s.createdAt) + p.absoluteMs).toISOString(),
  };
}

/** Ends every session past its idle or absolute limit (they would be refused anyway; this frees the rows). */
export async function purgeSessions(d: SessionDeps): Promise<number> {
  const now = d.now().getTime();
  return d.store.purgeSessions(new Date(now - d.policy.idleMs).toISOString(), new Date(now - d.policy.absoluteMs).toISOString());
}
