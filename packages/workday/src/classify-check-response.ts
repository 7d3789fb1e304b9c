import type { CheckId } from "./checks";
import { errorOf, errorTexts, jsonObject } from "./json-body";
import { failedWith, PASS, type UpstreamOutcome } from "./status-model";

/** One check's answer as received; `body` parsed JSON or raw text. */
export interface CheckResponse {
  check: CheckId;
  /** HTTP status, or null when no response arrived. */
  httpStatus: number | null;
  body: unknown;
  /** Set when the request never got a response. */
  networkError?: "timeout" | "reset" | "other";
  environment: "production" | "sandbox" | null;
}

/** A 403 that blames the API client's scope rather than the account's permissions (no Workday example; matched on words). */
const SCOPE_WORDS = /\bscope\b|functional area/i;

/**
 * Classifies one health check's answer. Outages are judged first, whatever their body says: a
 * definitive code asks an admin to act, so it MUST NOT come from a transient fault.
 */
export function classifyCheckResponse(r: CheckResponse): UpstreamOutcome {
  const outage = classifyOutage(r);
  if (outage) return outage;
  return r.check === "token" ? classifyToken(r) : classifyRest(r);
}

function classifyOutage(r: CheckResponse): UpstreamOutcome | null {
  if (r.networkError === "timeout" || r.httpStatus === 408) return failedWith("workday_timeout");
  if (r.networkError !== undefined) return failedWith("workday_unavailable");
  if (r.httpStatus === 429) return failedWith("rate_limited");
  if (r.httpStatus !== null && r.httpStatus >= 500) return failedWith("workday_unavailable");
  return null;
}

/** The refresh grant (docs/workday.md §2): 400 invalid_grant and 401 invalid_client are Workday's documented answers. */
function classifyToken(r: CheckResponse): UpstreamOutcome {
  if (r.httpStatus === 200) return typeof jsonObject(r.body)?.access_token === "string" ? PASS : failedWith("malformed_response");
  const error = errorOf(r.body);
  if (error === "invalid_grant") return failedWith(r.environment === "sandbox" ? "sandbox_refreshed" : "refresh_invalid_grant");
  if (error === "invalid_client" || error === "unauthorized_client" || r.httpStatus === 401) return failedWith("refresh_invalid_client");
  if (error === "temporarily_unavailable" || error === "server_error") return failedWith("workday_unavailable");
  return failedWith("malformed_response");
}

/** The REST checks (docs/workday.md §4): `{"data": [...]}` on success, Workday's error model otherwise. */
function classifyRest(r: CheckResponse): UpstreamOutcome {
  switch (r.httpStatus) {
    case 200:
      return Array.isArray(jsonObject(r.body)?.data) ? PASS : failedWith("malformed_response");
    case 401:
      return failedWith("access_token_rejected");
    case 403:
      return classifyForbidden(r);
    case 404:
      return failedWith("rest_endpoint_not_found");
    default:
      return failedWith("malformed_response");
  }
}

function classifyForbidden(r: CheckResponse): UpstreamOutcome {
  // A 403 proves the endpoint exists and took the token: all the rest_api check asks.
  if (r.check === "rest_api") return PASS;
  if (errorTexts(r.body).some((e) => SCOPE_WORDS.test(e))) return failedWith("scope_missing");
  return failedWith(r.check === "workers" ? "permission_worker_data" : "permission_system_auditing");
}
