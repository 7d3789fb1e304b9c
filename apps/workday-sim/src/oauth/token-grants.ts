import { createHash, randomUUID } from "node:crypto";
import type { SingleParams } from "../http/params";
import type { SimState } from "../model/state";
import { isActive, type ApiClient, type Tenant } from "../model/tenant";
import type { RefreshTokenRecord } from "../model/token-store";
import { oauthError } from "./oauth-error";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
}

const s256 = (verifier: string): string => createHash("sha256").update(verifier).digest("base64url");

function respond(state: SimState, refresh: RefreshTokenRecord, now: number): TokenResponse {
  const ttl = state.options.accessTokenTtlSeconds;
  const access = state.tokens.issueAccessToken(refresh, now, ttl);
  return { access_token: access.token, token_type: "Bearer", expires_in: ttl, refresh_token: refresh.token };
}

/** grant_type=authorization_code (RFC 6749 §4.1.3, PKCE per RFC 7636 §4.6). */
export function exchangeCode(state: SimState, tenant: Tenant, client: ApiClient, form: SingleParams): TokenResponse {
  const code = form.get("code");
  if (!code) throw oauthError("invalid_request");
  const record = state.tokens.codes.get(code);
  if (!record || record.tenant !== tenant.name || record.clientId !== client.clientId) throw oauthError("invalid_grant");
  const now = state.now();
  if (record.usedAt !== null) {
    // RFC 6749 §4.1.2: a replayed code revokes what was issued from it.
    const grantId = record.grantId;
    if (grantId) state.tokens.revokeWhere((t) => t.grantId === grantId);
    throw oauthError("invalid_grant");
  }
  record.usedAt = now;
  if (now >= record.expiresAt || form.get("redirect_uri") !== record.redirectUri) throw oauthError("invalid_grant");
  const verifier = form.get("code_verifier");
  if (record.codeChallenge !== null ? verifier === undefined || s256(verifier) !== record.codeChallenge : verifier !== undefined) {
    throw oauthError("invalid_grant");
  }
  if (!isActive(tenant.accounts.get(record.username))) throw oauthError("invalid_grant");
  record.grantId = randomUUID();
  const owner = { tenant: tenant.name, clientId: client.clientId, username: record.username, grantId: record.grantId };
  return respond(state, state.tokens.issueRefreshToken(owner, now), now);
}

/**
 * grant_type=refresh_token. Non-expiring clients keep their refresh token forever. Expiring ones
 * slide: each use restarts the lifetime; with rotateRefreshTokens they get a new one each time.
 */
export function refresh(state: SimState, tenant: Tenant, client: ApiClient, form: SingleParams): TokenResponse {
  const token = form.get("refresh_token");
  if (!token) throw oauthError("invalid_request");
  const record = state.tokens.refreshTokens.get(token);
  if (!record || record.tenant !== tenant.name || record.clientId !== client.clientId) throw oauthError("invalid_grant");
  const now = state.now();
  if (!client.nonExpiringRefreshTokens && now - record.lastUsedAt > state.options.refreshTokenTtlSeconds * 1000) {
    state.tokens.refreshTokens.delete(token);
    throw oauthError("invalid_grant");
  }
  if (!isActive(tenant.accounts.get(record.username))) throw oauthError("invalid_grant");
  if (!client.nonExpiringRefreshTokens && state.options.rotateRefreshTokens) {
    state.tokens.refreshTokens.delete(token);
    return respond(state, state.tokens.issueRefreshToken(record, now), now);
  }
  record.lastUsedAt = now;
  return respond(state, record, now);
}
