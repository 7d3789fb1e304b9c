import type { WorkdayClientParams } from "./workday-client";
import type { Keyring } from "../platform/crypto/crypto";
import type { ConnectorRecord, SealedField } from "../store/types";

/**
 * The one place a connector's Workday secrets are sealed and opened. Each ciphertext is bound to
 * its connector and field as associated data, so a value copied to another connector or field in
 * the database does not open. The strings are part of the stored data: changing one makes every
 * existing ciphertext of that kind unreadable.
 */
export function secretAad(connectorId: string, field: SealedField): string {
  return field === "codeVerifier" ? `oauth-tx:${connectorId}` : `connector:${connectorId}:${field}`;
}

export const sealSecret = (keyring: Keyring, connectorId: string, field: SealedField, plaintext: string): string =>
  keyring.encrypt(plaintext, secretAad(connectorId, field));

export const openSecret = (keyring: Keyring, connectorId: string, field: SealedField, sealed: string): string =>
  keyring.decrypt(sealed, secretAad(connectorId, field));

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
