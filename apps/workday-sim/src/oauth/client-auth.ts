import { timingSafeEqual } from "node:crypto";
import type { SingleParams } from "../http/params";
import type { ApiClient, Tenant } from "../model/tenant";
import { oauthError } from "./oauth-error";

interface Credentials {
  clientId: string;
  clientSecret: string | undefined;
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
function fromBasic(header: string | undefined): Credentials | null | "malformed" {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return header.toLowerCase().startsWith("basic") ? "malformed" : null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  try {
    const unform = (s: string): string => decodeURIComponent(s.replace(/\+/g, " "));
    return { clientId: unform(decoded.slice(0, colon)), clientSecret: unform(decoded.slice(colon + 1)) };
  } catch {
    return "malformed";
  }
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Which client identifies itself in the request (for the token log), authenticated or not. */
export function claimedClientId(authorization: string | undefined, form: SingleParams): string {
  const basic = fromBasic(authorization);
  return (basic && basic !== "malformed" ? basic.clientId : form.get("client_id")) ?? "(none)";
}

/**
 * Authenticates the client by HTTP Basic or by client_id/client_secret in the body; both styles
 * are used against Workday in production code. Both at once must agree.
 */
export function authenticateClient(tenant: Tenant | undefined, authorization: string | undefined, form: SingleParams): ApiClient {
  const basic = fromBasic(authorization);
  if (basic === "malformed") throw oauthError("invalid_request");
  const bodyId = form.get("client_id");
  const bodySecret = form.get("client_secret");
  if (basic && (bodyId !== undefined || bodySecret !== undefined)) {
    if (bodyId !== basic.clientId || (bodySecret !== undefined && bodySecret !== basic.clientSecret)) throw oauthError("invalid_request");
  }
  const credentials: Credentials | null = basic ?? (bodyId === undefined ? null : { clientId: bodyId, clientSecret: bodySecret });
  const client = credentials ? tenant?.clients.get(credentials.clientId) : undefined;
  // Clients of a tenant with OAuth 2.0 Clients Enabled off cannot authenticate (Workday's answer is unknown).
  if (
    !tenant?.settings.oauthClientsEnabled ||
    !client ||
    credentials?.clientSecret === undefined ||
    !sameSecret(credentials.clientSecret, client.clientSecret)
  ) {
    throw oauthError("invalid_client", { basic: basic !== null });
  }
  return client;
}
