/**
 * Why a consent attempt failed or why a connector is not healthy, as a stable code: stored on the
 * connector's timeline and mapped to a {@link TROUBLESHOOTING} entry. Consent codes come first.
 */
export const CONSENT_REASON_CODES = [
  "consent_denied",
  "oauth_clients_disabled",
  "unknown_client",
  "redirect_uri_mismatch",
  "saml_sso_redirect",
  "invalid_client",
  "invalid_grant",
  "state_invalid",
  "token_endpoint_unavailable",
  "token_endpoint_malformed",
  "token_endpoint_not_found",
  "popup_closed",
  "authorize_error",
  "consent_not_started",
  "setup_incomplete",
] as const;

/** Codes the health checks (and Disconnect) put on a connector. */
export const HEALTH_REASON_CODES = [
  "refresh_invalid_grant",
  "sandbox_refreshed",
  "refresh_invalid_client",
  "access_token_rejected",
  "permission_system_auditing",
  "permission_worker_data",
  "activity_logging_disabled",
  "rest_endpoint_not_found",
  "scope_missing",
  "workday_unavailable",
  "workday_timeout",
  "rate_limited",
  "malformed_response",
  "disconnected_by_admin",
] as const;

export const REASON_CODES = [...CONSENT_REASON_CODES, ...HEALTH_REASON_CODES] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type ConsentReasonCode = (typeof CONSENT_REASON_CODES)[number];
export type HealthReasonCode = (typeof HEALTH_REASON_CODES)[number];

/** Narrows an untrusted string (a query parameter, a stored value) to a reason code. */
export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && (REASON_CODES as readonly string[]).includes(value);
}
