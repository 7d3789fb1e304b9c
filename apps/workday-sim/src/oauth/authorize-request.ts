import { singleParams } from "../http/params";
import type { ApiClient, Tenant } from "../model/tenant";

export interface AuthorizeRequest {
  client: ApiClient;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  redirectN: boolean;
}

export type AuthorizeCheck =
  | { outcome: "ok"; request: AuthorizeRequest }
  /** Shown to the person, never redirected: the redirect URI cannot be trusted (RFC 6749 §4.1.2.1). */
  | { outcome: "page"; status: number; title: string; message: string }
  /** Sent back to the client's registered redirect URI. */
  | { outcome: "redirect"; redirectUri: string; state: string | null; error: string; description: string };

const PKCE_CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Validates GET /<tenant>/authorize in the order that keeps redirects safe. */
export function checkAuthorizeRequest(tenant: Tenant, query: unknown): AuthorizeCheck {
  const params = singleParams(query);
  const page = (status: number, title: string, message: string): AuthorizeCheck => ({ outcome: "page", status, title, message });
  if (!tenant.settings.oauthClientsEnabled) {
    return page(403, "OAuth 2.0 clients are not enabled", `OAuth 2.0 Clients Enabled is off in Edit Tenant Setup – Security for tenant ${tenant.name}.`);
  }
  if (params.repeated === "client_id" || params.repeated === "redirect_uri") {
    return page(400, "Invalid request", `The parameter ${params.repeated} appears more than once.`);
  }
  const clientId = params.get("client_id");
  if (!clientId) return page(400, "Invalid client", "The request has no client_id.");
  const client = tenant.clients.get(clientId);
  if (!client) return page(400, "Invalid client", `No API client with client_id ${clientId} is registered in tenant ${tenant.name}.`);
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri) return page(400, "Invalid redirect_uri", `The request has no redirect_uri; ${client.clientName} is registered with ${client.redirectUri}.`);
  if (redirectUri !== client.redirectUri) {
    return page(
      400,
      "Invalid redirect_uri",
      `The redirect_uri ${redirectUri} does not match the Redirection URI registered for ${client.clientName}: ${client.redirectUri}.`,
    );
  }

  const state = params.get("state") ?? null;
  const back = (error: string, description: string): AuthorizeCheck => ({ outcome: "redirect", redirectUri, state, error, description });
  if (params.repeated) return back("invalid_request", `The parameter ${params.repeated} appears more than once.`);
  const responseType = params.get("response_type");
  if (!responseType) return back("invalid_request", "response_type is missing.");
  if (responseType !== "code") return back("unsupported_response_type", "Only response_type=code is supported.");
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (method !== undefined && challenge === undefined) return back("invalid_request", "code_challenge_method without code_challenge.");
  if (challenge !== undefined) {
    if (method !== "S256") return back("invalid_request", "code_challenge_method must be S256.");
    if (!PKCE_CHALLENGE.test(challenge)) return back("invalid_request", "code_challenge is not a valid S256 challenge.");
  }
  return { outcome: "ok", request: { client, redirectUri, state, codeChallenge: challenge ?? null, redirectN: params.get("redirect") === "n" } };
}
