import { noAnswer, type UpstreamFailure } from "./upstream-error";
import type { AccessTokenResult, TokenService, WorkdayDeps } from "./token-service";
import type { ConnectorRecord } from "../store/types";

/** A Workday REST answer (status, parsed body, Retry-After), or what went wrong before one arrived. */
export type ApiAnswer =
  { ok: true; status: number; body: unknown; retryAfter: string | null } | { ok: false; failure: UpstreamFailure; tokenFailure?: boolean };

/** One authorised GET through the guarded outbound fetch; never throws. `signal` abandons it (its caller stops). */
export async function callApi(d: Pick<WorkdayDeps, "fetch">, url: string, accessToken: string, signal?: AbortSignal): Promise<ApiAnswer> {
  try {
    const res = await d.fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" }, ...(signal ? { signal } : {}) });
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { ok: true, status: res.status, body, retryAfter: res.headers.get("retry-after") };
  } catch (e) {
    return { ok: false, failure: noAnswer(e) };
  }
}

/** What an authorised call needs: the guarded fetch, the store and the connector's tokens. */
export interface ApiDeps extends Pick<WorkdayDeps, "fetch" | "store"> {
  tokens: TokenService;
}

export interface AuthorizedSession {
  /** The first token outcome; when it failed, every `get` answers with that failure. */
  token: AccessTokenResult;
  get(url: string, signal?: AbortSignal): Promise<{ answer: ApiAnswer; refreshed: boolean }>;
}

/**
 * GETs with one connector's access token. A 401 on a token that was not just refreshed gets one
 * forced refresh and one more try (a cached token may have been revoked early, e.g. by a sandbox
 * refresh); after that the answers stand for the rest of the session, so one health-check run or
 * one page fetch never refreshes twice.
 */
export async function authorizedSession(d: Omit<ApiDeps, "store">, c: ConnectorRecord): Promise<AuthorizedSession> {
  const token = await d.tokens.accessToken(c);
  if (!token.ok) {
    const answer: ApiAnswer = { ok: false, failure: token.failure, tokenFailure: true };
    return { token, get: () => Promise.resolve({ answer, refreshed: false }) };
  }
  let accessToken = token.accessToken;
  let refreshed = token.refreshed;
  return {
    token,
    async get(url, signal) {
      const answer = await callApi(d, url, accessToken, signal);
      if (!answer.ok || answer.status !== 401 || refreshed || signal?.aborted) return { answer, refreshed };
      refreshed = true;
      const again = await d.tokens.accessToken(c, { force: true });
      if (!again.ok) return { answer: { ok: false, failure: again.failure, tokenFailure: true }, refreshed };
      accessToken = again.accessToken;
      return { answer: await callApi(d, url, accessToken, signal), refreshed };
    },
  };
}

/** One authorised GET in a session of its own. Null when the connector no longer exists. */
export async function authorizedGet(
  d: ApiDeps,
  connectorId: string,
  url: string,
  signal?: AbortSignal,
): Promise<{ answer: ApiAnswer; refreshed: boolean } | null> {
  const c = await d.store.getConnector(connectorId);
  if (!c) return null;
  return (await authorizedSession(d, c)).get(url, signal);
}
