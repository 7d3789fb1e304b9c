import type { Request } from "express";
import { HttpError } from "../lib/http-error";
import type { FunctionalArea, PermissionKey } from "../model/permissions";
import type { SimState } from "../model/state";
import { isActive, type Account, type ApiClient, type Tenant } from "../model/tenant";

export interface AccessContext {
  tenant: Tenant;
  client: ApiClient;
  account: Account;
}

/** Workday's body for a rejected token is unknown; the status (401) is what clients act on. */
const invalidToken = (): HttpError => new HttpError(401, { error: "invalid_token" }, { "WWW-Authenticate": 'Bearer error="invalid_token"' });

export const permissionDenied = (): HttpError => new HttpError(403, { error: "permission denied" });

/** Workday's validation error shape: a summary plus one entry per problem. */
export const invalidRequest = (problems: readonly string[]): HttpError =>
  new HttpError(400, { error: "Invalid request", errors: problems.map((error) => ({ error })) });

export const resourceNotFound = (): HttpError => new HttpError(404, { error: "Resource not found" });

/**
 * The bearer token must be live and issued in this very tenant, to a client that still exists,
 * for an account that is still enabled, while OAuth clients stay enabled.
 */
export function authenticate(state: SimState, req: Request, tenantName: string): AccessContext {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
  const record = match?.[1] ? state.tokens.accessTokens.get(match[1]) : undefined;
  if (!record || record.tenant !== tenantName || record.expiresAt <= state.now()) throw invalidToken();
  const tenant = state.tenants.get(tenantName);
  const client = tenant?.clients.get(record.clientId);
  const account = tenant?.accounts.get(record.username);
  if (!tenant?.settings.oauthClientsEnabled || !client || !isActive(account)) throw invalidToken();
  return { tenant, client, account };
}

/**
 * The client's registered functional areas must cover the API, and the account's security group
 * must hold the (activated) domain permission. Workday's answer for a missing scope is unknown;
 * it is treated like a missing permission.
 */
export function authorize(ctx: AccessContext, area: FunctionalArea, permission: PermissionKey): void {
  if (!ctx.client.scopes.includes(area)) throw permissionDenied();
  if (!ctx.account.memberOfConnectorGroup || !ctx.tenant.permissions.active.has(permission)) throw permissionDenied();
}
