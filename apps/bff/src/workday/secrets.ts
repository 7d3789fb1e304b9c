import type { TokenSet, WorkdayClientParams } from "./workday-client";
import type { Keyring } from "../platform/crypto/crypto";
import type { ConnectorRecord, SealedField } from "../store/types";

/**
 * The one place a connector's Workday secrets are sealed and opened. Each ciphertext is bound to
 * its connector and field as associated data, so a value copied to another connector or field in
 * the database does not open. The strings are part of the stored data: changing one makes every
 * existing ciphertext of that kind unreadable.
 */
export function secretAad(connectorId: string, field: SealedField): string {
  if (field === "codeVerifier") return `oauth-tx:${connectorId}`;
  // Not a connector's: the webhook signing secret of the notification channel with this id.
  if (field === "signingSecret") return `notification-channel:${connectorId}`;
  if (field === "webhookUrl") return `notification-channel:${connectorId}:url`;
  return `connector:${connectorId}:${field}`;
}

export const sealSecret = (keyring: Keyring, connectorId: string, field: SealedField, plaintext: string): string =>
  keyring.encrypt(plaintext, secretAad(connectorId, field));

export const openSecret = (keyring: Keyring, connectorId: string, field: SealedField, sealed: string): string =>
  keyring.decrypt(sealed, secretAad(connectorId, field));

/** Workday's access tokens last an hour; a token answer that names no lifetime is taken to mean that. */
const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;

/** The connector columns for a token answer: each token sealed, and when the access token expires. */
export function sealTokens(keyring: Keyring, connectorId: string, tokens: TokenSet, now: Date) {
  return {
    accessTokenEnc: sealSecret(keyring, connectorId, "accessToken", tokens.accessToken),
    accessTokenExpiresAt: new Date(now.getTime() + (tokens.expiresInSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS) * 1000).toISOString(),
    ...(tokens.refreshToken ? { refreshTokenEnc: sealSecret(keyring, connectorId, "refreshToken", tokens.refreshToken) } : {}),
  };
}

/** The connector's client as openid-client needs it (its secret opened), or null while details are missing. */
export function workdayClientOf(keyring: Keyring, c: ConnectorRecord): WorkdayClientParams | null {
  if (!c.clientId || !c.clientSecretEnc || !c.tokenEndpoint || !c.authorizationEndpoint) return null;
  return {
    authorizationEndpoint: c.authorizationEndpoint,
    tokenEndpoint: c.tokenEndpoint,
    tenant: c.tenant,
    samlSso: c.samlSso,
    clientId: c.clientId,
    clientSecret: openSecret(keyring, c.id, "clientSecret", c.clientSecretEnc),
    clientAuthMethod: c.clientAuthMethod,
  };
}
