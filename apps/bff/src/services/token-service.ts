import * as client from "openid-client";
import { setTimeout as sleep } from "node:timers/promises";
import { withLease, type LeaseDeps } from "../lib/leased";
import { workdayConfiguration } from "../oauth/workday-client";
import { describeUpstreamError, type UpstreamFailure } from "../oauth/upstream-error";
import type { ConnectorRecord } from "../store/types";
import { workdayClientOf, type ConsentDeps } from "./consent";
import { secretAad } from "./connectors";

/** A cached access token is used until this close to its expiry. */
const EXPIRY_MARGIN_MS = 60_000;
/** How long a refresh may hold the connector's refresh lease (renewed while it runs). */
const REFRESH_LEASE_MS = 30_000;
/** How long a caller waits for another replica's refresh before reporting a transient failure. */
const WAIT_FOR_OTHER_MS = 45_000;

export type AccessTokenResult = { ok: true; accessToken: string; refreshed: boolean } | { ok: false; failure: UpstreamFailure };

export type TokenDeps = ConsentDeps & LeaseDeps;

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
    return d.keyring.decrypt(c.accessTokenEnc, secretAad(c.id, "accessToken"));
  };

  async function refresh(id: string, stale: string | null): Promise<AccessTokenResult> {
    // Read again under the lease: another replica may have refreshed (and rotated) meanwhile.
    const c = await d.store.getConnector(id);
    const already = usable(c, stale);
    if (already) return { ok: true, accessToken: already, refreshed: false };
    const params = c ? workdayClientOf(d, c) : null;
    if (!c?.refreshTokenEnc || !params) {
      return { ok: false, failure: { httpStatus: 400, body: { error: "invalid_grant" }, retryAfter: null, detail: "No refresh token is stored: connect first." } };
    }
    const config = workdayConfiguration(params, d.fetch);
    // Outside the try: a refresh token no configured key opens is the operator's problem (a 409
    // that says so), not a Workday failure to classify.
    const refreshToken = d.keyring.decrypt(c.refreshTokenEnc, secretAad(c.id, "refreshToken"));
    let tokens;
    try {
      tokens = await client.refreshTokenGrant(config, refreshToken);
    } catch (e) {
      const failure = describeUpstreamError(e);
      d.log.warn({ connectorId: c.id, detail: failure.detail }, "token refresh failed");
      return { ok: false, failure };
    }
    const now = d.now();
    const current = await d.store.getConnector(c.id);
    // Disconnected or re-consented meanwhile: these tokens belong to a grant that is gone.
    if (current?.refreshTokenEnc !== c.refreshTokenEnc) return { ok: true, accessToken: tokens.access_token, refreshed: true };
    await d.store.updateConnector(c.id, {
      accessTokenEnc: d.keyring.encrypt(tokens.access_token, secretAad(c.id, "accessToken")),
      accessTokenExpiresAt: new Date(now.getTime() + (tokens.expiresIn() ?? 3600) * 1000).toISOString(),
      ...(tokens.refresh_token ? { refreshTokenEnc: d.keyring.encrypt(tokens.refresh_token, secretAad(c.id, "refreshToken")) } : {}),
    });
    return { ok: true, accessToken: tokens.access_token, refreshed: true };
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
        return { ok: false, failure: { httpStatus: null, body: null, networkError: "timeout", retryAfter: null, detail: "Another console replica's token refresh did not finish in time." } };
      }
    }
  }

  return {
    /** `force`: the cached token was refused (401), so only a token other than `c`'s will do. */
    async accessToken(c: ConnectorRecord, o: { force?: boolean } = {}): Promise<AccessTokenResult> {
      const fresh = c.accessTokenEnc && c.accessTokenExpiresAt && Date.parse(c.accessTokenExpiresAt) - EXPIRY_MARGIN_MS > d.now().getTime();
      if (fresh && !o.force && c.accessTokenEnc) {
        return { ok: true, accessToken: d.keyring.decrypt(c.accessTokenEnc, secretAad(c.id, "accessToken")), refreshed: false };
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
