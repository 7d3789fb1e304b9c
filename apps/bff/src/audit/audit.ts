import type { Request, Response } from "express";
import type { AuditAction, AuditEntry } from "@wc/contracts";
import type { Logger } from "pino";
import { currentPrincipal, type NewAuditEntry } from "../auth";
import type { Store } from "../store/types";

export interface AuditDeps {
  store: Store;
  log: Logger;
  now: () => Date;
}

/** Who did it and from where: the signed-in user or API token (or a named system actor) and the request. */
export interface Actor {
  id: string | null;
  name: string;
  ip: string | null;
  requestId: string | null;
}

export function actorOf(req: Request, res: Response, fallbackName = "anonymous"): Actor {
  const p = currentPrincipal(res);
  return {
    id: p?.id ?? null,
    name: p?.name ?? fallbackName,
    ip: req.ip ?? null,
    requestId: typeof res.locals.requestId === "string" ? res.locals.requestId : null,
  };
}

export interface AuditEvent {
  action: AuditAction;
  targetType?: AuditEntry["targetType"];
  targetId?: string | null;
  targetName?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends to the audit log and writes the same fact to the log stream (UTC). Callers pass only
 * non-secret fields; `redactSecrets` is a second line of defence for anything that slips in.
 */
export async function audit(d: AuditDeps, actor: Actor, e: AuditEvent): Promise<void> {
  const entry: NewAuditEntry = {
    at: d.now().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    targetName: e.targetName ?? null,
    ip: actor.ip,
    requestId: actor.requestId,
    before: redactSecrets(e.before ?? null),
    after: redactSecrets(e.after ?? null),
  };
  await d.store.appendAudit(entry);
  d.log.info({ audit: { ...entry, before: undefined, after: undefined }, requestId: actor.requestId }, `audit ${e.action}`);
}

const SECRET_KEY = /^(clientSecret|password|passwordHash|refreshToken|accessToken|idToken|code|codeVerifier|state|cookie|encryptionKey|token)$|Enc$/i;

export function redactSecrets(o: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!o) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = SECRET_KEY.test(k) && v !== null && typeof v !== "boolean" ? "(changed)" : v;
  return out;
}

/** Only the keys whose values differ, so an entry reads as "before → after". */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}
