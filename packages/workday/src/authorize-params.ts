import { queryParamName } from "./redirect-n";

/**
 * OAuth authorization-request parameters (RFC 6749 §4.1.1, RFC 7636, OIDC Core §3.1.2.1, RFC 9101):
 * the ones the console sends itself and the ones that change what is granted or how the answer
 * comes back. On a pasted Authorization Endpoint they mean an address copied from the browser's
 * bar, and since the authorize URL is built by appending, Workday would read them before ours.
 * Anything else (such as `redirect=n`) is the admin's and is kept.
 */
export const AUTHORIZE_REQUEST_PARAMS: readonly string[] = [
  "client_id",
  "response_type",
  "response_mode",
  "redirect_uri",
  "state",
  "scope",
  "code_challenge",
  "code_challenge_method",
  "nonce",
  "prompt",
  "request",
  "request_uri",
];

const RESERVED = new Set(AUTHORIZE_REQUEST_PARAMS);

function queryOf(url: string): string {
  const beforeHash = url.split("#", 1)[0] ?? "";
  const at = beforeHash.indexOf("?");
  return at < 0 ? "" : beforeHash.slice(at + 1);
}

/** The authorization-request parameters `url` carries, each once, in the order they appear. */
export function authorizeRequestParamsIn(url: string): string[] {
  const names = queryOf(url).split("&").map(queryParamName);
  return [...new Set(names.filter((n) => RESERVED.has(n)))];
}

/** Says which parameters to remove; `label` is the field as Workday names it. */
export function authorizeRequestParamsMessage(label: string, names: readonly string[]): string {
  const list = names.join(", ");
  const them = names.length === 1 ? "it" : "them";
  return (
    `${label} must not carry ${names.length === 1 ? "the parameter" : "the parameters"} ${list}: this console sends its own, and Workday would read the pasted ${names.length === 1 ? "one" : "ones"} first. ` +
    `Paste the endpoint exactly as Workday's View API Clients page shows it, without ${them} (redirect=n may stay).`
  );
}

/**
 * `url` without any authorization-request parameter, every other parameter kept as written (no
 * re-encoding) and in order; unchanged when it carries none. `?` goes when nothing is left.
 */
export function withoutAuthorizeRequestParams(url: string): string {
  if (authorizeRequestParamsIn(url).length === 0) return url;
  const hashAt = url.indexOf("#");
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : url.slice(hashAt);
  const queryAt = beforeHash.indexOf("?");
  const kept = beforeHash
    .slice(queryAt + 1)
    .split("&")
    .filter((part) => !RESERVED.has(queryParamName(part)));
  const query = kept.join("&");
  return `${beforeHash.slice(0, queryAt)}${query === "" ? "" : `?${query}`}${fragment}`;
}
