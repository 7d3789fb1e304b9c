import { setTimeout as sleep } from "node:timers/promises";
import { withLease, type LeaseDeps } from "../platform/background/leased";
import { refreshTokens, workdayConfiguration } from "./workday-client";
import { describeUpstreamError, type UpstreamFailure } from "./upstream-error";
import type { ConnectorRecord } from "../store/types";
import type { Logger } from "pino";
import type { Keyring } from "../platform/crypto/crypto";
import type { FetchLike } from "../platform/outbound/outbound-fetch";
import type { Store } from "../store/types";
import { openSecret, sealTokens, workdayClientOf } from "./secrets";
import { classifyTokenFailure } from "./token-errors";
import type { Metrics } from "../platform/metrics/metrics";

/** A cached access token is used until this close to its expiry. */
const EXPIRY_MARGIN_MS = 60_000;
/** How long a refresh may hold the connector's refresh lease (renewed while it runs). */
const REFRESH_LEASE_MS = 30_000;
/** How long a caller waits for another replica's refresh before reporting a transient failure. */
const WAIT_FOR_OTHER_MS = 45_000;

export type AccessTokenResult = { ok: true; accessToken: string; refreshed: boolean } | { ok: false; failure: UpstreamFailure };

/** What calling Workday for a connector needs: its stored secrets, the keys, the guarded fetch. */
export interface WorkdayDeps {
  store: Store;
  keyring: Keyring;
  now: () => Date;
  fetch: FetchLike;
  log: Logger;
}

export type TokenDeps = WorkdayDeps & LeaseDeps & { metrics: Pick<Metrics, "tokenRefreshed"> };

/**
 * Access tokens for health checks and sync. At most one refresh per connector is in flight across
 * every replica: within a process concurrent callers share one promise, across processes a lease
 * (`refresh:<id>`) in the store decides, and whoever waited uses the token the winner stored. A
 * refresh token Workday sends back replaces the stored one in the same update as the new access
 * token; a failed refresh never touches the stored one.
 */
export function createTokenService(d: TokenDeps) {
  const inflight = new Map<string, Promise<AccessTokenResult>>();

  const usable = (c: ConnectorRecord | null, stale: string | null): string | null => {
    if (!c?.accessTokenEnc || c.accessTokenEnc === stale || !c.accessTokenExpiresAt) return null;
    if (Date.parse(c.accessTokenExpiresAt) - EXPIRY_MARGIN_MS <= d.now().getTime()) return null;
    return openSecret(d.keyring, c.id, "accessToken", c.accessTokenEnc);
  };

  async function refresh(id: string, stale: string | null): Promise<AccessTokenResult> {
    // Read again under the lease: another replica may have refreshed (and rotated) meanwhile.
    const c = await d.store.getConnector(id);
    const already = usable(c, stale);
    if (already) return { ok: true, accessToken: already, refreshed: false };
    const params = c ? workdayClientOf(d.keyring, c) : null;
    if (!c?.refreshTokenEnc || !params) {
      return {
        ok: false,
        failure: { httpStatus: 400, body: { error: "invalid_grant" }, retryAfter: null, detail: "No refresh token is stored: connect first." },
      };
    }
    const config = workdayConfiguration(params, d.fetch);
    // Outside the try: a refresh token no configured key opens is the operator's problem (a 409
    // that says so), not a Workday failure to classify.
    const refreshToken = openSecret(d.keyring, c.id, "refreshToken", c.refreshTokenEnc);
    let tokens;
    try {
      tokens = await refreshTokens(config, refreshToken);
    } catch (e) {
      const failure = describeUpstreamError(e);
      d.metrics.tokenRefreshed(classifyTokenFailure(e).reasonCode);
      d.log.warn({ connectorId: c.id, detail: failure.detail }, "token refresh failed");
      return { ok: false, failure };
    }
    d.metrics.tokenRefreshed("ok");
    const now = d.now();
    const current = await d.store.getConnector(c.id);
    // Disconnected or re-consented meanwhile: these tokens belong to a grant that is gone.
    if (current?.refreshTokenEnc !== c.refreshTokenEnc) return { ok: true, accessToken: tokens.accessToken, refreshed: true };
    await d.store.updateConnector(c.id, sealTokens(d.keyring, c.id, tokens, now));
    return { ok: true, accessToken: tokens.accessToken, refreshed: true };
  }

  async function refreshOnce(id: string, stale: string | null): Promise<AccessTokenResult> {
    const deadline = Date.now() + WAIT_FOR_OTHER_MS;
    for (;;) {
      const r = await withLease(d, `refresh:${id}`, REFRESH_LEASE_MS, () => refresh(id, stale));
      if (r.ran) return r.value;
      // Another replica holds the lease: its result lands in the store.
      await sleep(100);
      const done = usable(await d.store.getConnector(id), stale);
      if (done) return { ok: true, accessToken: done, refreshed: false };
      if (Date.now() > deadline) {
        return {
          ok: false,
          failure: {
            httpStatus: null,
            body: null,
            networkError: "timeout",
            retryAfter: null,
            detail: "Another console replica's token refresh did not finish in time.",
          },
        };
      }
    }
  }

  return {
    /** `force`: the cached token was refused (401), so only a token other than `c`'s will do. */
    async accessToken(c: ConnectorRecord, o: { force?: boolean } = {}): Promise<AccessTokenResult> {
      const fresh = c.accessTokenEnc && c.accessTokenExpiresAt && Date.parse(c.accessTokenExpiresAt) - EXPIRY_MARGIN_MS > d.now().getTime();
      if (fresh && !o.force && c.accessTokenEnc) {
        return { ok: true, accessToken: openSecret(d.keyring, c.id, "accessToken", c.accessTokenEnc), refreshed: false };
      }
      const running = inflight.get(c.id);
      if (running) return running;
      const p = refreshOnce(c.id, c.accessTokenEnc).finally(() => inflight.delete(c.id));
      inflight.set(c.id, p);
      return p;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
