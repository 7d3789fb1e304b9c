import { randomBytes, randomUUID } from "node:crypto";

/**
 * Secrets, codes and tokens are random, not derived from the seed: a test must never be able to
 * guess one, just as with Workday.
 */
export const opaqueToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

/** Workday client IDs look like a base64-encoded UUID. */
export const newClientId = (): string => Buffer.from(randomUUID()).toString("base64").replace(/=+$/, "");

/** Long, letters and digits only, so it survives copy and paste and form encoding untouched. */
export function newClientSecret(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(80);
  let out = "";
  for (const byte of bytes) out += alphabet.charAt(byte % alphabet.length);
  return out;
}

export const shortId = (): string => randomBytes(9).toString("base64url");

export const randomHex = (bytes: number): string => randomBytes(bytes).toString("hex");
