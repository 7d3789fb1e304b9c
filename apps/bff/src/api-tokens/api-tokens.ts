import { hash, randomBytes, randomUUID } from "node:crypto";
import { API_TOKEN_PREFIX, type ApiToken, type ApiTokenState, type Role } from "@wc/contracts";
import { formatUtc } from "@wc/workday";
import type { Logger } from "pino";
import { AppError, notFound } from "../platform/http/app-error";
import type { Store } from "../store/types";
import type { ApiTokenRecord } from "./api-token-store";

export interface ApiTokenDeps {
  store: Store;
  log: Logger;
  now: () => Date;
}

const DAY_MS = 24 * 3_600_000;
/** What the token list shows after `wct_`: 4 of 43 random characters, about 24 of 256 bits. */
const PREFIX_CHARS = 4;

/** The token's SHA-256 digest (base64url): 256 random bits need no slow hash, and lookup stays one indexed read. */
export const hashApiToken = (token: string) => hash("sha256", token, "base64url");

export function stateOf(t: ApiTokenRecord, now: Date): ApiTokenState {
  if (t.revokedAt) return "revoked";
  if (Date.parse(t.expiresAt) <= now.getTime()) return "expired";
  return "active";
}

export function toApiTokenView(t: ApiTokenRecord, now: Date): ApiToken {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    prefix: t.prefix,
    createdAt: t.createdAt,
    createdBy: t.createdBy,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
    revokedBy: t.revokedBy,
    state: stateOf(t, now),
  };
}

/** A new token: the record (hash only) and the token itself, which the caller shows once. */
export async function createApiToken(
  d: ApiTokenDeps,
  input: { name: string; role: Role; expiresInDays: number },
  by: { id: string; name: string },
): Promise<{ record: ApiTokenRecord; token: string }> {
  const now = d.now();
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record: ApiTokenRecord = {
    id: randomUUID(),
    name: input.name,
    role: input.role,
    tokenHash: hashApiToken(token),
    prefix: token.slice(0, API_TOKEN_PREFIX.length + PREFIX_CHARS),
    createdBy: by.name,
    createdById: by.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
  await d.store.insertApiToken(record);
  return { record, token };
}

/** Revokes a token (an expired one too, so the list says it was withdrawn on purpose). */
export async function revokeApiToken(d: ApiTokenDeps, id: string, by: string): Promise<ApiTokenRecord> {
  const t = await d.store.getApiToken(id);
  if (!t) throw notFound("The API token");
  if (t.revokedAt) throw new AppError(409, "conflict", `This API token was already revoked by ${t.revokedBy ?? "an admin"} on ${formatUtc(t.revokedAt)}.`);
  if (!(await d.store.revokeApiToken(id, d.now().toISOString(), by))) {
    throw new AppError(409, "conflict", "This API token was revoked a moment ago: reload the list.");
  }
  return (await d.store.getApiToken(id)) ?? t;
}

/** Why a known token opens nothing any more, in words a script's operator can act on (401). */
export function refusalMessage(t: ApiTokenRecord, state: Exclude<ApiTokenState, "active">): string {
  if (state === "revoked") {
    return `This API token ("${t.name}") was revoked by ${t.revokedBy ?? "an admin"} on ${formatUtc(t.revokedAt ?? t.expiresAt)}. Ask a console admin for a new one.`;
  }
  return `This API token ("${t.name}") expired on ${formatUtc(t.expiresAt)}. Ask a console admin for a new one.`;
}
