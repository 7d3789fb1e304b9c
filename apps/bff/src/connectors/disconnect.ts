import { loadConnector } from "./connectors";
import type { ConnectorDeps } from "./connectors";

/**
 * Deletes the stored tokens; the connector, its details and its history stay. Workday documents
 * no revocation endpoint (RFC 7009), so the page tells the admin how to remove the refresh token
 * in Workday ("Manage Refresh Tokens for Integrations").
 */
export async function disconnect(d: ConnectorDeps, id: string, actor: string) {
  const c = await loadConnector(d, id);
  if (c.status === "disconnected") return c;
  const at = d.now().toISOString();
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
    },
    { at, from: c.status, to: "disconnected", reasonCode: "disconnected_by_admin", actor },
  );
  return updated ?? c;
}
