import { HttpError } from "../lib/http-error";

export type OAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

/**
 * Token endpoint errors exactly as Workday answers them: the bare `{"error": …}` body, 400 except
 * invalid_client (401). Workday's answers for invalid_request and unsupported_grant_type are not
 * known; these follow RFC 6749 §5.2.
 */
export function oauthError(code: OAuthErrorCode, { basic = false } = {}): HttpError {
  const headers: Record<string, string> = { "Cache-Control": "no-store", Pragma: "no-cache" };
  if (code === "invalid_client" && basic) headers["WWW-Authenticate"] = 'Basic realm="workday"';
  return new HttpError(code === "invalid_client" ? 401 : 400, { error: code }, headers);
}
