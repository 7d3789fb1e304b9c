import { createHash, randomBytes, randomUUID } from "node:crypto";
import { HANDOFF_CONNECTOR_STATUSES, pages, STATUS_LABELS, type HandoffLink, type HandoffLinkState } from "@wc/contracts";
import { formatUtc } from "@wc/workday";
import type { Logger } from "pino";
import { AppError, notFound } from "../platform/http/app-error";
import type { ConnectorRecord, Store } from "../store/types";
import type { HandoffLinkRecord } from "./handoff-store";

export interface HandoffDeps {
  store: Store;
  log: Logger;
  now: () => Date;
}

/** After consent completes through a link, its page may read the check results this long with the results ticket. */
export const RESULT_TICKET_MS = 15 * 60_000;

/** 256 random bits, base64url: the link's token and the results ticket. Only their SHA-256 is stored. */
export const newSecret = () => randomBytes(32).toString("base64url");
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("base64url");

/** Why this connector has nothing to hand off, or null when it needs consent. */
export function needsNoConsent(c: ConnectorRecord): string | null {
  if (HANDOFF_CONNECTOR_STATUSES.includes(c.status)) return null;
  return `"${c.name}" is ${STATUS_LABELS[c.status]}: it does not need consent, so there is nothing to hand off. A hand-off link is for a draft or a connector that needs reconnecting.`;
}

export function stateOf(l: HandoffLinkRecord, now: Date): HandoffLinkState {
  if (l.usedAt) return "used";
  if (l.revokedAt) return "revoked";
  return Date.parse(l.expiresAt) <= now.getTime() ? "expired" : "active";
}

/** Who acts through a link, in the timeline and the audit log. */
export const actorName = (l: HandoffLinkRecord) => `hand-off link ${l.id.slice(0, 8)} (sent by ${l.createdBy})`;

export function toLinkView(l: HandoffLinkRecord, now: Date): HandoffLink {
  return {
    id: l.id,
    connectorId: l.connectorId,
    createdBy: l.createdBy,
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
    state: stateOf(l, now),
    revokedAt: l.revokedAt,
    revokedBy: l.revokedBy,
    usedAt: l.usedAt,
    lastStep: l.lastStep,
    lastStepAt: l.lastStepAt,
    lastIp: l.lastIp,
    lastUserAgent: l.lastUserAgent,
  };
}

/** The link's URL: the token in the fragment, so the browser never sends it to a server, a log or a Referer. */
export const linkUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, "")}${pages.handoff}#${token}`;

export async function createLink(d: HandoffDeps, c: ConnectorRecord, hours: number, creator: { id: string; name: string }) {
  const problem = needsNoConsent(c);
  if (problem) throw new AppError(409, "conflict", problem);
  const token = newSecret();
  const now = d.now();
  const link: HandoffLinkRecord = {
    id: randomUUID(),
    connectorId: c.id,
    tokenHash: hashSecret(token),
    createdBy: creator.name,
    createdById: creator.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    revokedAt: null,
    revokedBy: null,
    usedAt: null,
    lastStep: null,
    lastStepAt: null,
    lastIp: null,
    lastUserAgent: null,
    expiryRecordedAt: null,
    resultHash: null,
    resultExpiresAt: null,
  };
  await d.store.insertHandoffLink(link);
  return { link, token };
}

export async function revokeLink(d: HandoffDeps, c: ConnectorRecord, linkId: string, by: string): Promise<HandoffLinkRecord> {
  const l = await d.store.getHandoffLink(linkId);
  if (!l || l.connectorId !== c.id) throw notFound("Hand-off link");
  const now = d.now();
  const state = stateOf(l, now);
  if (state !== "active") throw new AppError(409, "conflict", `This hand-off link is already ${state}: there is nothing to revoke.`);
  if (!(await d.store.revokeHandoffLink(l.id, now.toISOString(), by))) {
    throw new AppError(409, "conflict", "This hand-off link was used or revoked a moment ago: reload the list.");
  }
  return (await d.store.getHandoffLink(l.id)) ?? l;
}

const ASK = "Ask the console admin who sent it for a new link.";

/** What a link that no longer opens anything says, in the page's words (410). */
export function goneMessage(l: HandoffLinkRecord, state: Exclude<HandoffLinkState, "active">): string {
  switch (state) {
    case "used":
      return `This hand-off link has already been used: Workday consent was completed with it on ${l.usedAt ? formatUtc(l.usedAt) : "an earlier visit"}. It works only once. ${ASK}`;
    case "revoked":
      return `This hand-off link was revoked by an admin. ${ASK}`;
    case "expired":
      return `This hand-off link expired on ${formatUtc(l.expiresAt)}. ${ASK}`;
  }
}
