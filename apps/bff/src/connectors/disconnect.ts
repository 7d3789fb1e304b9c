import { loadConnector } from "./connectors";
import type { ConnectorDeps } from "./connectors";
import { statusEvents } from "../notifications";

/**
 * Deletes the stored tokens; the connector, its details and its history stay. Workday documents
 * no revocation endpoint (RFC 7009), so the page tells the admin how to remove the refresh token
 * in Workday ("Manage Refresh Tokens for Integrations").
 */
export async function disconnect(d: ConnectorDeps, id: string, actor: string) {
  const c = await loadConnector(d, id);
  if (c.status === "disconnected") return c;
  const now = d.now();
  const at = now.toISOString();
  // Entering "disconnected" is always announced at once; the hold-down only delays recoveries.
  const notice = statusEvents(c, { status: "disconnected", reasonCode: "disconnected_by_admin", healthy: false }, Number.POSITIVE_INFINITY, now);
  const updated = await d.store.updateConnector(
    c.id,
    {
      status: "disconnected",
      reasonCode: "disconnected_by_admin",
      refreshTokenEnc: null,
      accessTokenEnc: null,
      accessTokenExpiresAt: null,
      nextCheckAt: null,
      consecutiveTransientFailures: 0,
      lastErrorDetail: null,
      updatedAt: at,
      ...notice.patch,
    },
    { at, from: c.status, to: "disconnected", reasonCode: "disconnected_by_admin", actor },
    notice.events,
  );
  return updated ?? c;
}
