import { ENDPOINT_LABELS, type EndpointKind } from "./endpoint-kinds";
import { kindOfPath, tenantFromPath } from "./tenant-path";

/** The endpoints to compare: URLs as pasted (or already extracted tenant names). Absent or null ones are skipped. */
export interface TenantConsistencyInput {
  authorization?: string | null;
  token?: string | null;
  rest?: string | null;
}

export interface TenantConsistency {
  ok: boolean;
  /** The tenant all present endpoints agree on (as first written), or null when none names one or they disagree. */
  tenant: string | null;
  /** When not ok: which field disagrees and what each says. */
  message?: string;
  /** When not ok: the field that disagrees with the others, or the last one compared when no majority says which. */
  field?: EndpointKind;
}

const ORDER: readonly EndpointKind[] = ["authorization", "token", "rest"];

function tenantOf(kind: EndpointKind, value: string): string | null {
  const v = value.trim();
  // A bare tenant name (letters, digits, _ . -) is taken as is; anything else is read as the endpoint URL.
  if (/^[\w.-]+$/.test(v)) return v;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return null;
  }
  return tenantFromPath(kind, url.pathname).tenant ?? tenantFromPath(kindOfPath(url.pathname) ?? kind, url.pathname).tenant;
}

function describe(found: { kind: EndpointKind; tenant: string }[]): string {
  return found.map((f) => `${ENDPOINT_LABELS[f.kind]} says "${f.tenant}"`).join(", ");
}

/**
 * All endpoints of one API client name the same tenant (case-insensitive). Hosts may differ —
 * Workday signs in on one host and serves APIs on another (docs/workday.md §1) — so only tenants are compared.
 * A mismatch almost always means one URL was copied from another tenant (e.g. production vs sandbox).
 */
export function checkTenantConsistency(p: TenantConsistencyInput): TenantConsistency {
  const found: { kind: EndpointKind; tenant: string }[] = [];
  for (const kind of ORDER) {
    const value = p[kind];
    if (value === undefined || value === null) continue;
    const tenant = tenantOf(kind, value);
    if (tenant !== null) found.push({ kind, tenant });
  }
  const first = found[0];
  if (first === undefined) return { ok: true, tenant: null };
  const key = (t: string): string => t.toLowerCase();
  const counts = new Map<string, number>();
  for (const f of found) counts.set(key(f.tenant), (counts.get(key(f.tenant)) ?? 0) + 1);
  if (counts.size === 1) return { ok: true, tenant: first.tenant };

  // With two agreeing and one odd, name the odd one; with all different, list them all.
  const odd = found.length === 3 && counts.size === 2 ? found.find((f) => counts.get(key(f.tenant)) === 1) : undefined;
  const end = "All endpoints come from the same View API Clients page and must name the same tenant.";
  if (odd !== undefined) {
    const others = found.filter((f) => f !== odd);
    const message = `${ENDPOINT_LABELS[odd.kind]} names tenant "${odd.tenant}", but ${describe(others)}. ${end}`;
    return { ok: false, tenant: null, message, field: odd.kind };
  }
  const last = found[found.length - 1] ?? first;
  return { ok: false, tenant: null, message: `The endpoints name different tenants: ${describe(found)}. ${end}`, field: last.kind };
}
