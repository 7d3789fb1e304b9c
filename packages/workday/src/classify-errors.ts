import { errorOf } from "./json-body";
import type { ReasonCode } from "./reason-codes";

/** What is known about a failed token request; `body` as received (parsed JSON or raw text). */
export interface TokenErrorInput {
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  body: unknown;
  /** Set when the request never got a response. */
  networkError?: "timeout" | "reset" | "other";
}

/**
 * Classifies a token-endpoint failure (RFC 6749 §5.2; Workday's answers in docs/workday.md §2).
 * Transient answers (no response, timeouts, resets, 408, 429, 5xx) are checked first and whatever
 * their body says: a definitive code leads to "reconnect needed", so it MUST NOT come from an
 * outage. Then Workday's `{"error": …}`: `invalid_grant` (400), `invalid_client` (401).
 */
export function classifyTokenError(p: TokenErrorInput): ReasonCode {
  if (p.networkError !== undefined) return "token_endpoint_unavailable";
  const { status } = p;
  if (status !== null && (status === 408 || status === 429 || status >= 500)) return "token_endpoint_unavailable";
  const error = errorOf(p.body);
  if (error === "invalid_grant") return "invalid_grant";
  if (error === "invalid_client" || error === "unauthorized_client") return "invalid_client";
  if (error === "temporarily_unavailable" || error === "server_error") return "token_endpoint_unavailable";
  if (status === 401) return "invalid_client";
  if (status === 404 || status === 405) return "token_endpoint_not_found";
  // Anything else — no status without a network error, HTML, a 200 without tokens — is unexpected.
  return "token_endpoint_malformed";
}

/**
 * Classifies the `error` parameter Workday sent back to the redirect URI (RFC 6749 §4.1.2.1).
 * Workday's own use of these codes is undocumented (docs/workday.md §3, U), so everything but a refusal
 * and a few explicit names falls back to `authorize_error`.
 */
export function classifyAuthorizeError(error: string): ReasonCode {
  switch (error.trim().toLowerCase()) {
    case "access_denied":
      return "consent_denied";
    case "invalid_client":
      return "unknown_client";
    case "redirect_uri_mismatch":
      return "redirect_uri_mismatch";
    default:
      return "authorize_error";
  }
}
