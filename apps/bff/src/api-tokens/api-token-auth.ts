import type { NextFunction, Request, Response } from "express";
import { API_TOKEN_PATTERN } from "@wc/contracts";
import { actorOf, audit, type Actor } from "../audit";
import { currentPrincipal, setPrincipal } from "../auth";
import { AppError } from "../platform/http/app-error";
import type { ApiTokenRecord } from "./api-token-store";
import { hashApiToken, refusalMessage, stateOf, type ApiTokenDeps } from "./api-tokens";

/** Requests per minute per token, counted in the store so every replica shares the count. */
export interface ApiTokenRateLimit {
  perMinute: number;
}

export interface ApiTokenAuthDeps extends ApiTokenDeps {
  rate: ApiTokenRateLimit;
}

const BEARER = /^bearer(?:\s+(.*))?$/i;
const WINDOW_MS = 60_000;
/** Writing last-used on every request would be a write per request; a minute of slack is harmless. */
const TOUCH_EVERY_MS = 60_000;
const INVALID = "This API token is not valid: use the whole token (it starts with wct_), or ask a console admin for a new one.";

const tokenActor = (req: Request, res: Response, t: ApiTokenRecord): Actor => ({ ...actorOf(req, res), id: t.id, name: `API token "${t.name}"` });
const target = (t: ApiTokenRecord) => ({ targetType: "api_token" as const, targetId: t.id, targetName: t.name });

/**
 * `Authorization: Bearer wct_…` → the request acts as the token (its role, its name in the audit
 * log). Runs before the session middleware, which then leaves the request alone: a token request
 * never reads or sets the session cookie, and needs no CSRF header, as a cross-site page cannot
 * send an Authorization header without a CORS preflight the console never grants.
 */
export function apiTokenAuth(d: ApiTokenAuthDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const m = BEARER.exec(req.get("authorization") ?? "");
    if (!m) return next();
    const presented = (m[1] ?? "").trim();
    const t = API_TOKEN_PATTERN.test(presented) ? await d.store.getApiTokenByHash(hashApiToken(presented)) : null;
    if (!t) {
      // Unknown tokens are logged, not audited: nothing ties them to a token an admin could act on.
      d.log.warn({ requestId: res.locals.requestId, ip: req.ip }, "request with an unknown API token refused");
      throw new AppError(401, "unauthenticated", INVALID);
    }
    const now = d.now();
    await limit(d, req, res, t, now);
    const state = stateOf(t, now);
    if (state !== "active") {
      await audit(d, tokenActor(req, res, t), {
        action: "api_token.refused",
        ...target(t),
        after: { reason: state, route: `${req.method} ${req.originalUrl.split("?")[0] ?? ""}` },
      });
      throw new AppError(401, "unauthenticated", refusalMessage(t, state));
    }
    if (!t.lastUsedAt || now.getTime() - Date.parse(t.lastUsedAt) >= TOUCH_EVERY_MS) await d.store.touchApiToken(t.id, now.toISOString());
    setPrincipal(res, { kind: "token", id: t.id, name: `API token "${t.name}"`, role: t.role });
    res.locals.csrfExempt = true;
    next();
  };
}

async function limit(d: ApiTokenAuthDeps, req: Request, res: Response, t: ApiTokenRecord, now: Date) {
  const r = await d.store.hitRate(`api-token:${t.id}`, now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
  if (r.count <= d.rate.perMinute) return;
  // Audited once per window (the first refused request), so a runaway script cannot flood the log.
  if (r.count === d.rate.perMinute + 1) {
    await audit(d, tokenActor(req, res, t), { action: "api_token.refused", ...target(t), after: { reason: "rate_limited", perMinute: d.rate.perMinute } });
  }
  const e = new AppError(429, "rate_limited", `Too many requests with this API token (more than ${d.rate.perMinute} a minute). Wait, then try again.`);
  e.retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(r.windowStart) + WINDOW_MS - now.getTime()) / 1000));
  throw e;
}

/**
 * Error middleware after the API routes: a token turned away by a route's guard (its role is too
 * low, or the route is for a browser session only) goes to the audit log, then the error goes on.
 */
export function auditTokenRefusals(d: ApiTokenDeps) {
  return async (err: unknown, req: Request, res: Response, next: NextFunction) => {
    const p = currentPrincipal(res);
    if (p?.kind === "token" && err instanceof AppError && err.status === 403) {
      const t = await d.store.getApiToken(p.id);
      if (t) {
        // The path as called, without the query (filters may hold names); ids are not secret.
        const route = `${req.method} ${req.originalUrl.split("?")[0] ?? ""}`;
        await audit(d, tokenActor(req, res, t), { action: "api_token.refused", ...target(t), after: { reason: "forbidden", route } });
      }
    }
    next(err);
  };
}
