import { OutboundError } from "../platform/outbound/outbound-fetch";
import type { UpstreamFailure } from "./upstream-error";
import type { TokenService, WorkdayDeps } from "./token-service";

/** A Workday REST answer (status, parsed body, Retry-After), or what went wrong before one arrived. */
export type ApiAnswer =
  | { ok: true; status: number; body: unknown; retryAfter: string | null }
  | { ok: false; failure: UpstreamFailure; tokenFailure?: boolean };

/** One authorised GET through the guarded outbound fetch; never throws. */
export async function callApi(d: Pick<WorkdayDeps, "fetch">, url: string, accessToken: string): Promise<ApiAnswer> {
  try {
    const res = await d.fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } });
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { ok: true, status: res.status, body, retryAfter: res.headers.get("retry-after") };
  } catch (e) {
    const kind = e instanceof OutboundError ? e.kind : "reset";
    const networkError = kind === "timeout" ? "timeout" : kind === "reset" ? "reset" : "other";
    return { ok: false, failure: { httpStatus: null, body: null, networkError, retryAfter: null, detail: e instanceof Error ? e.message : "request failed" } };
  }
}


interface TokenDeps extends WorkdayDeps {
  tokens: TokenService;
}

/**
 * A GET with the connector's access token. A 401 on a token that was not just refreshed gets one
 * forced refresh and one more try (a cached token may have been revoked early, e.g. by a sandbox
 * refresh); after that the answer stands. Null when the connector no longer exists.
 */
export async function authorizedGet(d: TokenDeps, connectorId: string, url: string): Promise<{ answer: ApiAnswer; refreshed: boolean } | null> {
  const c = await d.store.getConnector(connectorId);
  if (!c) return null;
  let token = await d.tokens.accessToken(c);
  if (!token.ok) return { answer: { ok: false, failure: token.failure, tokenFailure: true }, refreshed: false };
  let refreshed = token.refreshed;
  let answer = await callApi(d, url, token.accessToken);
  if (answer.ok && answer.status === 401 && !refreshed) {
    refreshed = true;
    token = await d.tokens.accessToken(c, { force: true });
    if (!token.ok) return { answer: { ok: false, failure: token.failure, tokenFailure: true }, refreshed };
    answer = await callApi(d, url, token.accessToken);
  }
  return { answer, refreshed };
}
