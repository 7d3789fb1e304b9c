import { controlError } from "../lib/http-error";
import { newClientId, newClientSecret } from "../lib/random";
import type { FunctionalArea } from "./permissions";
import type { SimState } from "./state";
import type { ApiClient, Tenant } from "./tenant";

export interface ClientRegistration {
  clientName: string;
  redirectUri: string;
  nonExpiringRefreshTokens: boolean;
  scopes: FunctionalArea[];
}

/** What the Register API Client done page shows, in Workday's words. */
export interface RegisteredClientView {
  clientId: string;
  clientSecret: string;
  restApiEndpoint: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
}

export function registerClient(state: SimState, tenant: Tenant, input: ClientRegistration): ApiClient {
  const client: ApiClient = {
    clientId: newClientId(),
    clientSecret: newClientSecret(),
    clientName: input.clientName,
    clientGrantType: "Authorization Code Grant",
    accessTokenType: "Bearer",
    redirectUri: input.redirectUri,
    nonExpiringRefreshTokens: input.nonExpiringRefreshTokens,
    scopes: [...new Set(input.scopes)],
    createdAt: state.now(),
  };
  tenant.clients.set(client.clientId, client);
  return client;
}

export function clientOf(tenant: Tenant, clientId: string): ApiClient {
  const client = tenant.clients.get(clientId);
  if (!client) throw controlError(404, `Tenant '${tenant.name}' has no API client '${clientId}'.`);
  return client;
}

/** "Generate New Client Secret": the old secret stops working at once; issued tokens stay. */
export function regenerateSecret(tenant: Tenant, clientId: string): ApiClient {
  const client = clientOf(tenant, clientId);
  client.clientSecret = newClientSecret();
  return client;
}

/** Deleting a client ends everything it was issued. */
export function deleteClient(state: SimState, tenant: Tenant, clientId: string): void {
  clientOf(tenant, clientId);
  tenant.clients.delete(clientId);
  state.tokens.revokeWhere((t) => t.tenant === tenant.name && t.clientId === clientId);
}

/** "Manage Refresh Tokens for Integrations" → revoke; access tokens run out on their own. */
export function revokeRefreshTokens(state: SimState, tenant: Tenant, clientId: string, tokenId?: string): number {
  clientOf(tenant, clientId);
  return state.tokens.revokeWhere((t) => t.tenant === tenant.name && t.clientId === clientId && (tokenId === undefined || ("id" in t && t.id === tokenId)), {
    accessTokens: false,
  });
}

export function registeredView(state: SimState, tenant: Tenant, client: ApiClient): RegisteredClientView {
  return { clientId: client.clientId, clientSecret: client.clientSecret, ...state.endpoints(tenant.name) };
}

/** A client as the control API lists it: never the secret. */
export function publicClient(state: SimState, tenant: Tenant, client: ApiClient) {
  const { clientSecret: _secret, ...rest } = client;
  return { ...rest, createdAt: new Date(client.createdAt).toISOString(), ...state.endpoints(tenant.name) };
}
