import { randomUUID } from "node:crypto";
import { controlError } from "../lib/http-error";
import { FUNCTIONAL_AREAS, type FunctionalArea } from "./permissions";
import { registerClient } from "./clients";
import type { SimState } from "./state";
import type { Tenant } from "./tenant";

export interface ConsentedClientsInput {
  count: number;
  username: string;
  redirectUri: string;
  clientName: string;
  nonExpiringRefreshTokens: boolean;
}

export interface ConsentedClient {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Every client of one batch shares this list: at 10,000 clients, one array instead of 10,000. */
const ALL_AREAS: FunctionalArea[] = [...FUNCTIONAL_AREAS];

/**
 * `count` clients registered and already consented to by `username`, as if each had gone through
 * Register API Client, the sign-in and Allow, and the code exchange: for load tests that need
 * thousands of connected connectors without thousands of browser flows. No consent activity row
 * is written per client (the generated activity already fills the checks' window).
 */
export function addConsentedClients(state: SimState, tenant: Tenant, input: ConsentedClientsInput): ConsentedClient[] {
  const account = tenant.accounts.get(input.username);
  if (!account) throw controlError(404, `Tenant '${tenant.name}' has no account '${input.username}'.`);
  const now = state.now();
  const out: ConsentedClient[] = [];
  for (let i = 0; i < input.count; i++) {
    const client = registerClient(state, tenant, { ...input, clientName: `${input.clientName} ${i + 1}`, scopes: ALL_AREAS });
    // registerClient copies the scopes; share the one list again.
    client.scopes = ALL_AREAS;
    const owner = { tenant: tenant.name, clientId: client.clientId, username: account.username, grantId: randomUUID() };
    const refresh = state.tokens.issueRefreshToken(owner, now);
    out.push({ clientId: client.clientId, clientSecret: client.clientSecret, refreshToken: refresh.token });
  }
  return out;
}
