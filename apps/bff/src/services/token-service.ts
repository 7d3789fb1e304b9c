import * as client from "openid-client";
import { workdayConfiguration } from "../oauth/workday-client";
import { describeUpstreamError, type UpstreamFailure } from "../oauth/upstream-error";
import type { ConnectorRecord } from "../store/types";
import { workdayClientOf, type ConsentDeps } from "./consent";
import { secretAad } from "./connectors";

/** A cached access token is used until this close to its expiry. */
const EXPIRY_MARGIN_MS = 60_000;

export type AccessTokenResult = { ok: true; accessToken: string; refreshed: boolean } | { ok: false; failure: UpstreamFailure };

/**
 * Access tokens for health checks and sync. One refresh in flight per connector (within this
 * process): concurrent callers share it. A refresh token Workday sends back replaces the stored
 * one in the same update as the new access token; a failed refresh never touches the stored one.
 */
export function createTokenService(d: ConsentDeps) {
  const inflight = new Map<string, Promise<AccessTokenResult>>();

  async function refresh(id: string): Promise<AccessTokenResult> {
    // Read again: another caller may have stored a rotated refresh token since our snapshot.
    const c = await d.store.getConnector(id);
    const params = c ? workdayClientOf(d, c) : null;
    if (!c?.refreshTokenEnc || !params) {
      return { ok: false, failure: { httpStatus: 400, body: { error: "invalid_grant" }, retryAfter: null, detail: "No refresh token is stored: connect first." } };
    }
    const config = workdayConfiguration(params, d.fetch);
    let tokens;
    try {
      tokens = await client.refreshTokenGrant(config, d.keyring.decrypt(c.refreshTokenEnc, secretAad(c.id, "refreshToken")));
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

  return {
    async accessToken(c: ConnectorRecord, o: { force?: boolean } = {}): Promise<AccessTokenResult> {
      const fresh = c.accessTokenEnc && c.accessTokenExpiresAt && Date.parse(c.accessTokenExpiresAt) - EXPIRY_MARGIN_MS > d.now().getTime();
      if (fresh && !o.force && c.accessTokenEnc) {
        return { ok: true, accessToken: d.keyring.decrypt(c.accessTokenEnc, secretAad(c.id, "accessToken")), refreshed: false };
      }
      const running = inflight.get(c.id);
      if (running) return running;
      const p = refresh(c.id).finally(() => inflight.delete(c.id));
      inflight.set(c.id, p);
      return p;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
