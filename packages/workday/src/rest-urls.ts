import { restPathParts } from "./tenant-path";

function parts(restApiEndpoint: string): { origin: string; prefix: string; tenant: string } {
  let url: URL;
  try {
    url = new URL(restApiEndpoint.trim());
  } catch {
    throw new Error(`Not a URL: cannot derive Workday API URLs from "${restApiEndpoint}".`);
  }
  const found = restPathParts(url.pathname);
  if (found === null) {
    throw new Error(`The Workday REST API Endpoint "${restApiEndpoint}" does not end in /ccx/api/v1/{tenant}: cannot derive API URLs from it.`);
  }
  return { origin: url.origin, prefix: found.prefix, tenant: found.tenantRaw };
}

/**
 * User Activity Logging for the tenant of a REST API Endpoint (`…/ccx/api/v1/{tenant}` →
 * `…/ccx/api/privacy/v1/{tenant}/activityLogging`, docs/workday.md §4a); scheme, host and port kept.
 * @throws Error when the endpoint is not a URL with a `/ccx/api/…/{tenant}` path; pass only
 * endpoints {@link parseEndpoint} accepted with a tenant.
 */
export function activityLoggingUrl(restApiEndpoint: string): string {
  const p = parts(restApiEndpoint);
  return `${p.origin}${p.prefix}/ccx/api/privacy/v1/${p.tenant}/activityLogging`;
}

/**
 * The common v1 workers list (`…/ccx/api/v1/{tenant}/workers`, docs/workday.md §4b), which the
 * "Worker Data: Public Worker Reports" permission secures.
 * @throws Error as {@link activityLoggingUrl} does.
 */
export function workersUrl(restApiEndpoint: string): string {
  const p = parts(restApiEndpoint);
  return `${p.origin}${p.prefix}/ccx/api/v1/${p.tenant}/workers`;
}
