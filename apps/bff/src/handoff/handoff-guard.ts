import type { NextFunction, Request, Response } from "express";
import { HANDOFF_RESULT_SCHEME, HANDOFF_SCHEME } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import { actorOf, audit, type Actor } from "../audit";
import type { ConnectorRecord } from "../store/types";
import type { HandoffLinkRecord } from "./handoff-store";
import { actorName, goneMessage, hashSecret, stateOf, type HandoffDeps } from "./handoff-links";

/** Requests per minute, per link token (or ticket) and per client address, on every hand-off route. */
export interface HandoffRateLimit {
  perMinute: number;
}

export interface HandoffGuardDeps extends HandoffDeps {
  rate: HandoffRateLimit;
}

/** What the credential opened: the link (`link`: its token) or its results (`result`: the ticket issued at consent). */
export interface HandoffGrant {
  kind: "link" | "result";
  link: HandoffLinkRecord;
  connector: ConnectorRecord;
  actor: Actor;
}

const HEADER = new RegExp(`^(${HANDOFF_SCHEME}|${HANDOFF_RESULT_SCHEME}) ([A-Za-z0-9_-]{43})$`);
const WINDOW_MS = 60_000;

const NO_LINK = "This page needs a hand-off link: open the whole link the console admin sent you.";
const INVALID = "This hand-off link is not valid: check that you opened the whole link, or ask the console admin who sent it for a new one.";
const RESULTS_GONE =
  "The results of this hand-off are no longer shown here (only for 15 minutes after consent). The console admin sees them on the connector page.";

/**
 * Marks a route as opened by a hand-off credential instead of a session, like publicRoute(why) and
 * requireRole(role) mark theirs: test/rbac.test.ts walks the router and reads the marker.
 * `accept` says which credentials open it. The route's `:id`, when it has one, must be the link's connector.
 */
export function handoffGuard(d: HandoffGuardDeps, accept: readonly HandoffGrant["kind"][]) {
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    res.locals.handoff = await authorize(d, req, res, accept);
    next();
  };
  return Object.assign(guard, { handoffRoute: accept.join(" or ") });
}

export function handoffGrant(res: Response): HandoffGrant {
  const g = (res.locals as { handoff?: HandoffGrant }).handoff;
  if (!g) throw new Error("handoffGrant used on a route without handoffGuard");
  return g;
}

async function authorize(d: HandoffGuardDeps, req: Request, res: Response, accept: readonly HandoffGrant["kind"][]): Promise<HandoffGrant> {
  const now = d.now();
  // Counted before anything is looked up, so guessing tokens is as slow as using one.
  await limit(d, `handoff:address:${hashSecret(req.ip ?? "unknown")}`, now);
  const m = HEADER.exec(req.get("authorization") ?? "");
  if (!m?.[1] || !m[2]) throw new AppError(401, "unauthenticated", NO_LINK);
  const kind = m[1] === HANDOFF_SCHEME ? "link" : "result";
  const hash = hashSecret(m[2]);
  await limit(d, `handoff:${kind}:${hash}`, now);
  const link = kind === "link" ? await d.store.getHandoffLinkByTokenHash(hash) : await d.store.getHandoffLinkByResultHash(hash);
  if (!link) throw new AppError(401, "unauthenticated", INVALID);
  const actor = { ...actorOf(req, res), id: null, name: actorName(link) };
  if (kind === "link") await refuseInactive(d, link, actor, now);
  if (kind === "result" && (!link.resultExpiresAt || Date.parse(link.resultExpiresAt) <= now.getTime())) throw new AppError(410, "gone", RESULTS_GONE);
  if (!accept.includes(kind)) {
    // The ticket exists only once the link is spent; the link alone never opens the results.
    if (kind === "result") throw new AppError(410, "gone", goneMessage(link, "used"));
    throw new AppError(403, "forbidden", "The check results open once Workday consent has been completed through this link.");
  }
  const id = req.params.id;
  if (typeof id === "string" && id !== link.connectorId) throw new AppError(403, "forbidden", "This hand-off link is for another connector.");
  const connector = await d.store.getConnector(link.connectorId);
  if (!connector) throw new AppError(410, "gone", "The connector this hand-off link was for has been deleted.");
  return { kind, link, connector, actor };
}

/** A used, revoked or expired link opens nothing; the first sight of an expired one goes to the audit log. */
async function refuseInactive(d: HandoffGuardDeps, link: HandoffLinkRecord, actor: Actor, now: Date) {
  const state = stateOf(link, now);
  if (state === "active") return;
  if (state === "expired" && (await d.store.recordHandoffExpiry(link.id, now.toISOString()))) {
    const c = await d.store.getConnector(link.connectorId);
    await audit(d, actor, {
      action: "connector.handoff_link_expired",
      targetType: "connector",
      targetId: link.connectorId,
      targetName: c?.name ?? null,
      after: { linkId: link.id, expiresAt: link.expiresAt },
    });
  }
  throw new AppError(410, "gone", goneMessage(link, state));
}

async function limit(d: HandoffGuardDeps, key: string, now: Date) {
  const r = await d.store.hitRate(key, now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
  if (r.count <= d.rate.perMinute) return;
  const retryMs = Date.parse(r.windowStart) + WINDOW_MS - now.getTime();
  const e = new AppError(429, "rate_limited", "Too many requests with this hand-off link. Wait a minute, then try again.");
  e.retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
  throw e;
}
