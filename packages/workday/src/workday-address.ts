import { isHostAllowed, type HostAllowList } from "./host-allow-list";

/** Where a tenant's Workday pages live: the site the admin signs in to, and the tenant name in its paths. */
export interface WorkdayAddress {
  /** `https://impl.workday.com`: scheme and host (and port), no path. */
  origin: string;
  tenant: string;
}

export type WorkdayAddressParse = ({ ok: true } & WorkdayAddress) | { ok: false; error: string };

const LABEL = "Workday address";
const EXAMPLE = "https://impl.workday.com/acme_impl/d/home.htmld";
// Workday's tenant names: letters, digits and underscores (docs/workday.md §1).
const TENANT = /^[A-Za-z0-9_]{1,64}$/;

function fail(error: string): WorkdayAddressParse {
  return { ok: false, error };
}

/**
 * Reads the tenant's Workday site from what an admin pastes: any Workday page's address from the
 * browser (`https://impl.workday.com/acme_impl/d/home.htmld`), the Authorization Endpoint (same
 * site), or just `impl.workday.com/acme_impl`. The first path segment is the tenant. An API
 * address (`…/ccx/…`) is on Workday's services host, not the site people use, so it is refused
 * with a word on where to look instead. The host must pass the same allow-list as the endpoints.
 */
export function parseWorkdayAddress(raw: string, allow: HostAllowList): WorkdayAddressParse {
  const trimmed = raw.trim();
  if (trimmed === "") return fail(`${LABEL} is empty: paste the address of any Workday page, for example ${EXAMPLE}.`);
  if (/\s/.test(trimmed)) return fail(`${LABEL} contains spaces or line breaks: paste only the address, on one line.`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail(`${LABEL} is not an address. Paste it from the browser's address bar while signed in to Workday, for example ${EXAMPLE}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return fail(`${LABEL} must start with https://, for example ${EXAMPLE}.`);
  if (url.username !== "" || url.password !== "") return fail(`${LABEL} must not contain a user name or password before the host: remove it.`);
  const { allowed, httpAllowed } = isHostAllowed(url, allow);
  if (!allowed) {
    return fail(
      `${LABEL} host "${url.host}" is not a Workday host. Workday's sites are on *.workday.com or *.myworkday.com; any other host must be added to ALLOWED_WORKDAY_HOSTS by whoever runs this console.`,
    );
  }
  if (url.protocol === "http:" && !httpAllowed) return fail(`${LABEL} must start with https://: Workday serves its pages over https only.`);
  const segments = url.pathname.split("/").filter((s) => s !== "");
  if (segments[0] === "ccx") {
    return fail(
      `${LABEL} is an API address (it contains /ccx/), which is on a different host from the Workday site. Paste the address from the browser's address bar while signed in to Workday instead, for example ${EXAMPLE}.`,
    );
  }
  const tenant = segments[0];
  if (tenant === undefined) return fail(`${LABEL} has no tenant after the host: it looks like ${EXAMPLE}, where acme_impl is the tenant.`);
  if (!TENANT.test(tenant)) return fail(`${LABEL}: "${tenant}" does not look like a Workday tenant name (letters, digits and underscores).`);
  return { ok: true, origin: url.origin, tenant };
}

/** The address as stored and shown: `https://impl.workday.com/acme_impl`. */
export function formatWorkdayAddress(a: WorkdayAddress): string {
  return `${a.origin}/${a.tenant}`;
}

/**
 * A link that opens a Workday task in the admin's tenant: Workday's search for the task's name
 * (`/<tenant>/d/search.htmld?q=…`), whose first result is the task. Inferred from how Workday's
 * search box navigates (docs/workday.md §1a): Workday documents no deep link to a task by name.
 */
export function workdayTaskLink(a: WorkdayAddress, task: string): string {
  return `${formatWorkdayAddress(a)}/d/search.htmld?q=${encodeURIComponent(task)}`;
}

/**
 * The site and tenant of a stored Authorization Endpoint (already checked when it was saved), so
 * the task links work for connectors whose admin never typed the address.
 */
export function addressOfAuthorizationEndpoint(endpoint: string): WorkdayAddress | null {
  try {
    const url = new URL(endpoint);
    const tenant = url.pathname.split("/").find((s) => s !== "");
    return tenant !== undefined && TENANT.test(tenant) ? { origin: url.origin, tenant } : null;
  } catch {
    return null;
  }
}
