/**
 * `redirect=n` on the Authorization Endpoint. Microsoft documents it for Workday tenants that sign
 * in with SAML SSO (docs/workday.md §3): without it Workday sends the browser to the company identity
 * provider, where an account without SSO (such as an Integration System User) cannot sign in.
 */

/** A query part's parameter name as a server reads it (`+` and percent escapes decoded). */
export function queryParamName(part: string): string {
  const raw = part.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

function paramValue(part: string): string | null {
  const eq = part.indexOf("=");
  return eq < 0 ? null : part.slice(eq + 1);
}

/**
 * Adds `redirect=n` with `?` or `&` as needed, never twice: an existing `redirect=n` is left as
 * is, another `redirect` value becomes `n`, repeats are dropped. Every other parameter keeps its
 * text and order (no re-encoding), and a `#fragment` stays last.
 */
export function withRedirectN(authorizeUrl: string): string {
  const hashAt = authorizeUrl.indexOf("#");
  const beforeHash = hashAt < 0 ? authorizeUrl : authorizeUrl.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : authorizeUrl.slice(hashAt);
  const queryAt = beforeHash.indexOf("?");
  if (queryAt < 0) return `${beforeHash}?redirect=n${fragment}`;
  const base = beforeHash.slice(0, queryAt);
  const query = beforeHash.slice(queryAt + 1);
  if (query === "") return `${base}?redirect=n${fragment}`;

  let seen = false;
  const parts: string[] = [];
  for (const part of query.split("&")) {
    if (queryParamName(part) !== "redirect") {
      parts.push(part);
    } else if (!seen) {
      seen = true;
      parts.push(paramValue(part) === "n" ? part : "redirect=n");
    }
  }
  if (seen) return `${base}?${parts.join("&")}${fragment}`;
  const separator = query.endsWith("&") ? "" : "&";
  return `${base}?${query}${separator}redirect=n${fragment}`;
}

/** The URL to send the admin to: with `redirect=n` when the tenant signs in with SAML SSO, else as pasted. */
export function effectiveAuthorizationUrl(url: string, samlSso: boolean): string {
  return samlSso ? withRedirectN(url) : url;
}
