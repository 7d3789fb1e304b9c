/**
 * Which hosts the console may send OAuth and API traffic to: the SSRF guard for outbound calls
 * (docs/security.md, checklist item 14). Workday's own hosts are always allowed over https; anything else,
 * including loopback and private addresses, only when the operator lists it in
 * `ALLOWED_WORKDAY_HOSTS`.
 */

/** One allowed host, after parsing. */
export interface HostAllowEntry {
  /** `exact`: this hostname only. `domain`: the hostname and every subdomain at any depth. */
  readonly match: "exact" | "domain";
  /** Lowercased hostname; IPv6 literals keep their brackets, as `URL.hostname` gives them. */
  readonly hostname: string;
  /** Explicit port, or null: then only the scheme's default port (443, or 80 for http). */
  readonly port: string | null;
  /** True only for entries written `http://…`: plain http is then allowed for exactly that host:port. */
  readonly http: boolean;
  /** The entry as written, for messages. */
  readonly source: string;
}

/** The parsed allow-list. Build it once at boot with {@link parseHostAllowList}. */
export interface HostAllowList {
  readonly entries: readonly HostAllowEntry[];
}

/** Workday's production and implementation hosts (docs/workday.md §1): https only, apex and all subdomains. */
export const DEFAULT_ALLOWED_DOMAINS = ["workday.com", "myworkday.com"] as const;

const ENV_NAME = "ALLOWED_WORKDAY_HOSTS";

function defaultEntries(): HostAllowEntry[] {
  return DEFAULT_ALLOWED_DOMAINS.map((hostname) => ({
    match: "domain",
    hostname,
    port: null,
    http: false,
    source: `*.${hostname}`,
  }));
}

function invalid(variable: string, entry: string, why: string): Error {
  return new Error(`${variable} entry "${entry}" is not valid: ${why}. Use host, host:port, *.domain or http://host:port, separated by commas.`);
}

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d+(\.\d+){3}$/.test(hostname);
}

function parseEntry(source: string, variable: string): HostAllowEntry {
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? null;
  if (scheme !== null && scheme !== "http" && scheme !== "https") {
    throw invalid(variable, source, "only http:// or https:// may be written before the host");
  }
  const rest = schemeMatch ? source.slice(schemeMatch[0].length) : source;
  const wildcard = rest.startsWith("*.");
  const hostPart = wildcard ? rest.slice(2) : rest;
  if (hostPart.includes("*")) throw invalid(variable, source, "a * is allowed only as the first label, as in *.example.com");
  if (/[/?#@\s\\]/.test(hostPart)) throw invalid(variable, source, "write only a host and optional port, without path, query, user name or spaces");
  if (hostPart === "") throw invalid(variable, source, "the host is missing");

  let url: URL;
  try {
    url = new URL(`${scheme ?? "https"}://${hostPart}`);
  } catch {
    throw invalid(variable, source, "it is not a host name");
  }
  if (wildcard && isIpLiteral(url.hostname)) throw invalid(variable, source, "a wildcard cannot cover an IP address; list the address itself");
  if (wildcard && !url.hostname.includes(".")) throw invalid(variable, source, "the wildcard is too broad; name a domain such as *.example.com");
  const writesPort = /:\d+$/.test(hostPart);
  if (scheme === "http" && !writesPort) {
    // Plain http must name its port so that opening http never covers more than the operator meant.
    throw invalid(variable, source, "an http:// entry must name its port, as in http://localhost:4010");
  }
  return {
    match: wildcard ? "domain" : "exact",
    hostname: url.hostname,
    // URL drops a written default port (":443"); keep it, since the operator named a port.
    port: url.port !== "" ? url.port : writesPort ? (scheme === "http" ? "80" : "443") : null,
    http: scheme === "http",
    source,
  };
}

/**
 * Parses `ALLOWED_WORKDAY_HOSTS` (comma-separated) on top of the Workday defaults.
 *
 * Entries: `host`, `host:port`, `*.domain` (subdomains at any depth and the apex), or
 * `http://host:port`, which also allows plain http for exactly that host and port (e.g. the local
 * simulator). Loopback and private addresses are never implied by a wildcard; list them exactly.
 *
 * @throws Error with a readable message for any invalid entry: config errors MUST crash at boot.
 */
export function parseHostAllowList(extra: string | undefined, options: { workdayDefaults?: boolean; variable?: string } = {}): HostAllowList {
  // Notification targets (NOTIFY_ALLOWED_HOSTS) start from an empty list: Workday's domains mean nothing there.
  const entries = options.workdayDefaults === false ? [] : defaultEntries();
  for (const raw of (extra ?? "").split(",")) {
    const source = raw.trim();
    if (source === "") continue;
    entries.push(parseEntry(source, options.variable ?? ENV_NAME));
  }
  return { entries };
}

function hostMatches(entry: HostAllowEntry, hostname: string): boolean {
  if (entry.match === "exact") return hostname === entry.hostname;
  // Wildcards cover names only: an IP literal is allowed only through an exact entry.
  if (isIpLiteral(hostname)) return false;
  return hostname === entry.hostname || hostname.endsWith(`.${entry.hostname}`);
}

function portMatches(entry: HostAllowEntry, url: URL): boolean {
  return entry.port === null ? url.port === "" : effectivePort(url) === entry.port;
}

function effectivePort(url: URL): string {
  if (url.port !== "") return url.port;
  return url.protocol === "http:" ? "80" : "443";
}

/**
 * Whether `url`'s host and port are on the list. `httpAllowed` says whether plain http is allowed
 * for it; callers MUST still refuse `http:` URLs when it is false.
 */
export function isHostAllowed(url: URL, allow: HostAllowList): { allowed: boolean; httpAllowed: boolean } {
  const hostname = url.hostname.toLowerCase();
  let allowed = false;
  let httpAllowed = false;
  for (const entry of allow.entries) {
    if (!hostMatches(entry, hostname) || !portMatches(entry, url)) continue;
    allowed = true;
    // http entries pin an explicit port, so compare it with the URL's actual port.
    if (entry.http && entry.port === effectivePort(url)) httpAllowed = true;
  }
  return { allowed, httpAllowed };
}
