import * as client from "openid-client";
import { effectiveAuthorizationUrl, withoutAuthorizeRequestParams } from "@wc/workday";
import type { ClientAuthMethod } from "@wc/contracts";
import type { FetchLike } from "../platform/outbound/outbound-fetch";

/** What openid-client needs about one connector; built per call because each tenant is its own AS. */
export interface WorkdayClientParams {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  tenant: string | null;
  samlSso: boolean;
  clientId: string;
  clientSecret: string;
  clientAuthMethod: ClientAuthMethod;
}

/**
 * Workday publishes no discovery document, so the metadata is configured by hand from the
 * endpoints the admin pasted (stored verbatim). Workday has no issuer identifier either; the
 * authorization endpoint's origin + tenant stands in for one. Mix-up defence rests on the
 * per-connector redirect URI and the token endpoint pinned in the transaction.
 *
 * openid-client appends the request's parameters to the endpoint's query, and a server reads the
 * first of repeated ones: the endpoint loses any it carries (startConsent refuses such a stored
 * value first), so the console's state, redirect_uri and PKCE are the only ones Workday sees.
 */
export function workdayConfiguration(p: WorkdayClientParams, fetchImpl: FetchLike): client.Configuration {
  const authorize = new URL(withoutAuthorizeRequestParams(effectiveAuthorizationUrl(p.authorizationEndpoint, p.samlSso)));
  const server: client.ServerMetadata = {
    issuer: `${authorize.origin}/${p.tenant ?? ""}`,
    authorization_endpoint: authorize.href,
    token_endpoint: p.tokenEndpoint,
  };
  const auth = p.clientAuthMethod === "client_secret_post" ? client.ClientSecretPost(p.clientSecret) : plainBasic(p.clientId, p.clientSecret);
  const config = new client.Configuration(server, p.clientId, undefined, auth);
  config[client.customFetch] = (url, options) => fetchImpl(url, options as RequestInit);
  // Plain http reaches only hosts the allow-list explicitly opens for http (the local simulator);
  // the outbound fetch enforces that, so openid-client's own https-only check can step aside.
  if (authorize.protocol === "http:" || new URL(p.tokenEndpoint).protocol === "http:") {
    client.allowInsecureRequests(config);
  }
  return config;
}

/**
 * HTTP Basic as Workday's production clients send it (docs/workday.md §2: XSOAR, Nango): base64 of
 * `id:secret` as they are. openid-client's ClientSecretBasic form-encodes both first (RFC 6749
 * §2.3.1), which servers that do not decode them (most) reject as invalid_client.
 */
function plainBasic(clientId: string, clientSecret: string): client.ClientAuth {
  return (_as, _client, _body, headers) => {
    headers.set("authorization", `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`);
  };
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
}

/** A fresh state (≥128 bits) and PKCE S256 verifier per attempt; no scope (Workday uses the client's registered functional areas). */
export async function buildAuthorizationRequest(config: client.Configuration, redirectUri: string): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    response_type: "code",
    redirect_uri: redirectUri,
    state,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, state, codeVerifier };
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  expiresInSeconds: number | undefined;
}

/**
 * `callbackUrl` MUST be the configured redirect URI plus the query Workday sent: openid-client
 * derives the `redirect_uri` it sends from it, which must be byte-identical to the authorize one.
 */
export async function exchangeCode(config: client.Configuration, callbackUrl: URL, checks: { state: string; codeVerifier: string }): Promise<TokenSet> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
  });
  return tokenSetOf(tokens);
}

/** The refresh grant; a refresh token Workday sends back replaces the stored one (the caller stores it). */
export async function refreshTokens(config: client.Configuration, refreshToken: string): Promise<TokenSet> {
  return tokenSetOf(await client.refreshTokenGrant(config, refreshToken));
}

function tokenSetOf(tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): TokenSet {
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresInSeconds: tokens.expiresIn() };
}
