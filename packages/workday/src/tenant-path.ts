import type { EndpointKind } from "./endpoint-kinds";

/**
 * Reads the tenant out of an endpoint path by Workday's shapes (docs/workday.md §1). Fixed segments
 * compare case-insensitively; the tenant keeps its case, as Workday printed it.
 */
export interface TenantFromPath {
  /** The tenant, or null when the path gives no usable guess. */
  tenant: string | null;
  /** True when the path is exactly the documented shape (a trailing slash is tolerated). */
  exact: boolean;
}

function segments(pathname: string): string[] {
  return pathname.split("/").filter((s) => s !== "");
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const eq = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b;
const isVersion = (s: string | undefined): boolean => s !== undefined && /^v\d+$/i.test(s);

function fromAuthorization(parts: string[]): TenantFromPath {
  const i = parts.findIndex((p) => eq(p, "authorize"));
  const before = i > 0 ? parts[i - 1] : undefined;
  if (before === undefined) return { tenant: null, exact: false };
  return { tenant: decode(before), exact: i === 1 && parts.length === 2 };
}

function fromToken(parts: string[]): TenantFromPath {
  const i = parts.findIndex((p) => eq(p, "oauth2"));
  const tenant = i >= 0 ? parts[i + 1] : undefined;
  if (tenant === undefined || eq(tenant, "token")) return { tenant: null, exact: false };
  const exact = parts.length === 4 && i === 1 && eq(parts[0], "ccx") && eq(parts[3], "token");
  return { tenant: decode(tenant), exact };
}

/**
 * The REST API shapes: `/ccx/api/v1/{tenant}` and `/ccx/api/{service}/v{n}/{tenant}`.
 * `tenantRaw` is the segment still encoded, so sibling URLs can be built from it unchanged.
 */
export function restPathParts(pathname: string): { prefix: string; tenantRaw: string; exact: boolean } | null {
  const parts = segments(pathname);
  const ccx = parts.findIndex((p, i) => eq(p, "ccx") && eq(parts[i + 1], "api"));
  if (ccx < 0) return null;
  const prefix = parts
    .slice(0, ccx)
    .map((p) => `/${p}`)
    .join("");
  const afterApi = parts.slice(ccx + 2);
  const tenantAt = isVersion(afterApi[0]) ? 1 : isVersion(afterApi[1]) ? 2 : -1;
  const tenantRaw = tenantAt > 0 ? afterApi[tenantAt] : undefined;
  if (tenantRaw === undefined) return null;
  return { prefix, tenantRaw, exact: ccx === 0 && afterApi.length === tenantAt + 1 };
}

function fromRest(pathname: string): TenantFromPath {
  const parts = restPathParts(pathname);
  if (parts === null) return { tenant: null, exact: false };
  return { tenant: decode(parts.tenantRaw), exact: parts.exact };
}

/** The tenant named in `pathname` for an endpoint of `kind`. */
export function tenantFromPath(kind: EndpointKind, pathname: string): TenantFromPath {
  switch (kind) {
    case "authorization":
      return fromAuthorization(segments(pathname));
    case "token":
      return fromToken(segments(pathname));
    case "rest":
      return fromRest(pathname);
  }
}

/** Which endpoint `pathname` looks like, if any: used to spot a URL pasted into the wrong field. */
export function kindOfPath(pathname: string): EndpointKind | null {
  for (const kind of ["token", "rest", "authorization"] as const) {
    if (tenantFromPath(kind, pathname).exact) return kind;
  }
  return null;
}
