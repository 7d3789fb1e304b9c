import type { PrerequisiteKey, TenantSetupStep } from "./prerequisites";
import type { ReasonCode } from "./reason-codes";

export type CheckId = "token" | "rest_api" | "workers" | "activity_logging";

export interface CheckDefinition {
  id: CheckId;
  title: string;
  proves: string;
  /** The prerequisite row or tenant-setup switch a passing check verifies. */
  prerequisites: (PrerequisiteKey | TenantSetupStep["key"])[];
}

/** The live checks, in the order they run; each turns a ticked checklist row into a verified one. */
export const CHECKS: readonly CheckDefinition[] = [
  { id: "token", title: "Refresh token → access token", proves: "The API client, its secret and the consent are valid.", prerequisites: ["oauth_clients_enabled"] },
  { id: "rest_api", title: "Workday REST API reachable with the token", proves: "The Workday REST API Endpoint answers this tenant's token.", prerequisites: [] },
  { id: "workers", title: "Workers answers", proves: "The account's security group has Worker Data: Public Worker Reports.", prerequisites: ["worker_public_reports"] },
  {
    id: "activity_logging",
    title: "User activity answers",
    proves: "The security group has System Auditing and User Activity Logging is enabled.",
    prerequisites: ["system_auditing", "user_activity_logging"],
  },
];

export type CheckClassification = { outcome: "pass" } | { outcome: "transient" | "definitive"; reasonCode: ReasonCode };

export interface CheckResponse {
  check: CheckId;
  httpStatus: number | null;
  body: unknown;
  networkError?: "timeout" | "reset" | "other";
  environment: "production" | "sandbox" | null;
}

const errorOf = (body: unknown): string | null =>
  typeof body === "object" && body !== null && "error" in body && typeof body.error === "string" ? body.error : null;

function transient(r: CheckResponse): CheckClassification | null {
  if (r.networkError === "timeout" || r.httpStatus === 408) return { outcome: "transient", reasonCode: "workday_timeout" };
  if (r.networkError !== undefined) return { outcome: "transient", reasonCode: "workday_unavailable" };
  if (r.httpStatus === 429) return { outcome: "transient", reasonCode: "rate_limited" };
  if (r.httpStatus !== null && r.httpStatus >= 500) return { outcome: "transient", reasonCode: "workday_unavailable" };
  return null;
}

/**
 * Classifies one check's answer. Outages are judged first, whatever their body says: a
 * definitive code asks an admin to act, so it MUST NOT come from a transient fault.
 */
export function classifyCheckResponse(r: CheckResponse): CheckClassification {
  const t = transient(r);
  if (t) return t;
  if (r.check === "token") return classifyToken(r);
  const { httpStatus: status } = r;
  if (status === 200) {
    const ok = typeof r.body === "object" && r.body !== null && "data" in r.body && Array.isArray(r.body.data);
    return ok ? { outcome: "pass" } : { outcome: "transient", reasonCode: "malformed_response" };
  }
  if (status === 401) return { outcome: "definitive", reasonCode: "access_token_rejected" };
  if (status === 403) {
    if (r.check === "rest_api") return { outcome: "pass" };
    return { outcome: "definitive", reasonCode: r.check === "workers" ? "permission_worker_data" : "permission_system_auditing" };
  }
  if (status === 404) return { outcome: "definitive", reasonCode: "rest_endpoint_not_found" };
  return { outcome: "transient", reasonCode: "malformed_response" };
}

function classifyToken(r: CheckResponse): CheckClassification {
  const error = errorOf(r.body);
  if (r.httpStatus === 200) {
    const ok = typeof r.body === "object" && r.body !== null && "access_token" in r.body && typeof r.body.access_token === "string";
    return ok ? { outcome: "pass" } : { outcome: "transient", reasonCode: "malformed_response" };
  }
  if (error === "invalid_grant") return { outcome: "definitive", reasonCode: r.environment === "sandbox" ? "sandbox_refreshed" : "refresh_invalid_grant" };
  if (error === "invalid_client" || error === "unauthorized_client" || r.httpStatus === 401) {
    return { outcome: "definitive", reasonCode: "refresh_invalid_client" };
  }
  return { outcome: "transient", reasonCode: "malformed_response" };
}
