import { listAuditResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** One page of the audit log, newest first; `query` holds the filters and `before` as the BFF reads them. */
export function getAudit(query: URLSearchParams, signal?: AbortSignal) {
  const search = query.toString();
  return apiClient.get(search ? `${routes.audit}?${search}` : routes.audit, listAuditResponseSchema, signal);
}
