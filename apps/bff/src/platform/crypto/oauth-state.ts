import { hash } from "node:crypto";

/**
 * An OAuth redirect's `state` (Workday consent and console sign-in alike) is kept only as its hash:
 * the store never holds a value that would let someone replay a callback.
 */
export const hashState = (state: string): string => hash("sha256", state, "base64url");

/** How long a redirect may take to come back (consent in Workday, or sign-in at the identity provider). */
export const OAUTH_TRANSACTION_TTL_MS = 10 * 60_000;

/** When a transaction started at `now` stops being accepted. */
export const transactionExpiresAt = (now: Date): string => new Date(now.getTime() + OAUTH_TRANSACTION_TTL_MS).toISOString();
