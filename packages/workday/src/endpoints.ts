import { authorizeRequestParamsIn, authorizeRequestParamsMessage } from "./authorize-params";
import { ENDPOINT_LABELS, ENDPOINT_SHAPES, type EndpointKind } from "./endpoint-kinds";
import { findHiddenCharacter, hiddenCharacterMessage } from "./hidden-characters";
import { isHostAllowed, type HostAllowList } from "./host-allow-list";
import { kindOfPath, tenantFromPath } from "./tenant-path";

/** The outcome of {@link parseEndpoint}: either usable (maybe with warnings) or an error saying what to fix. */
export type EndpointParse =
  | {
      ok: true;
      /** As pasted, only trimmed: Workday's URLs are stored verbatim, never rebuilt (docs/workday.md §1). */
      url: string;
      /** `hostname[:port]`, lowercased. */
      host: string;
      tenant: string | null;
      /** Things that look unusual but may be right; shown next to the field, never blocking. */
      warnings: string[];
    }
  | { ok: false; error: string };

function fail(error: string): EndpointParse {
  return { ok: false, error };
}

function parseUrl(raw: string, label: string): URL | string {
  const absolute = `${label} must be an absolute URL starting with https://, as shown on Workday's View API Clients page.`;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    return /^[\w-]+(\.[\w-]+)+/.test(raw) ? `${label} is missing https:// at the start. ${absolute}` : absolute;
  }
  try {
    return new URL(raw);
  } catch {
    return absolute;
  }
}

function checkShape(url: URL, raw: string, kind: EndpointKind, allow: HostAllowList): string | null {
  const label = ENDPOINT_LABELS[kind];
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `${label} must be an absolute URL starting with https://, as shown on Workday's View API Clients page.`;
  }
  // Checked on the raw text too: the URL parser drops an empty userinfo ("https://@host") silently.
  const authority = raw.slice(raw.indexOf("//") + 2).split(/[/?#]/, 1)[0] ?? "";
  if (url.username !== "" || url.password !== "" || authority.includes("@")) {
    return `${label} must not contain a user name or password before the host (the part ending in @): remove it.`;
  }
  if (raw.includes("#")) return `${label} must not contain a # fragment: remove the # and everything after it.`;
  const { allowed, httpAllowed } = isHostAllowed(url, allow);
  if (!allowed) {
    return `${label} host "${url.host}" is not a Workday host. Workday endpoints are on *.workday.com or *.myworkday.com; any other host (such as a local simulator) must be added to ALLOWED_WORKDAY_HOSTS by whoever runs this console.`;
  }
  if (url.protocol === "http:" && !httpAllowed) {
    return `${label} must start with https://: Workday serves its endpoints over https only.`;
  }
  if (kind === "token" && raw.includes("?")) {
    return `${label} must not have a query string: remove the ? and everything after it. Workday's token endpoint looks like ${ENDPOINT_SHAPES.token}.`;
  }
  if (kind === "rest" && raw.includes("?")) {
    return `${label} must not have a query string: remove the ? and everything after it. It is a base URL like ${ENDPOINT_SHAPES.rest}.`;
  }
  const carried = kind === "authorization" ? authorizeRequestParamsIn(raw) : [];
  return carried.length > 0 ? authorizeRequestParamsMessage(label, carried) : null;
}

function shapeWarnings(url: URL, kind: EndpointKind, exact: boolean, tenant: string | null): string[] {
  const label = ENDPOINT_LABELS[kind];
  const warnings: string[] = [];
  const looksLike = kindOfPath(url.pathname);
  if (looksLike !== null && looksLike !== kind) {
    warnings.push(`This looks like the ${ENDPOINT_LABELS[looksLike]}, not the ${label}: check that each URL went into its own field.`);
  } else if (!exact) {
    const guess = tenant === null ? "" : ` The tenant was read as "${tenant}".`;
    warnings.push(`${label} has an unusual path. Workday's ${label} normally looks like ${ENDPOINT_SHAPES[kind]}; compare it with View API Clients.${guess}`);
  }
  return warnings;
}

/**
 * Parses one endpoint pasted from Workday's "View API Clients" page.
 *
 * MUST-rules: https only (http only for hosts the allow-list opens for http), no userinfo, no
 * fragment, host on the allow-list (the SSRF guard starts here), no query on the Token or REST API
 * endpoint, no hidden characters. The Authorization Endpoint keeps its query (e.g. `redirect=n`)
 * but not the OAuth request parameters the console sends itself. A path that does not
 * match Workday's usual shape is only a warning: Workday's URLs are authoritative, ours are guesses.
 */
export function parseEndpoint(raw: string, kind: EndpointKind, allow: HostAllowList): EndpointParse {
  const label = ENDPOINT_LABELS[kind];
  const trimmed = raw.trim();
  if (trimmed === "") return fail(`${label} is empty: copy it from the top of Workday's View API Clients page.`);
  // Before the URL parser, which drops some of them (a zero-width space in the host) without a word.
  // Tabs and line breaks get the plainer message below.
  const hidden = findHiddenCharacter(raw, /[\t\n\v\f\r]/);
  if (hidden) return fail(hiddenCharacterMessage(label, hidden, "or copy the URL again from Workday's View API Clients page"));
  // The URL parser silently drops tabs and line breaks; inside a pasted URL they mean a bad copy.
  if (/\s/.test(trimmed)) return fail(`${label} contains spaces or line breaks: paste only the URL, on one line.`);
  const url = parseUrl(trimmed, label);
  if (typeof url === "string") return fail(url);
  const problem = checkShape(url, trimmed, kind, allow);
  if (problem !== null) return fail(problem);
  const { tenant, exact } = tenantFromPath(kind, url.pathname);
  const fallback = tenant ?? tenantFromPath(kindOfPath(url.pathname) ?? kind, url.pathname).tenant;
  return { ok: true, url: trimmed, host: url.host, tenant: fallback, warnings: shapeWarnings(url, kind, exact, fallback) };
}
