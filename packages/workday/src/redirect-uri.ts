/** Where Workday sends the admin back after consent; the BFF route is mounted here. */
export const OAUTH_CONNECT_CALLBACK_PATH = "/api/oauth/connect";

/**
 * The Redirection URI to register on the Workday API client: one per connector, so that an answer
 * can only come back for the connector whose consent was started (mix-up defence, RFC 9700 §4.4).
 * `publicUrl` MUST be the configured public URL, never one derived from request headers.
 */
export function redirectUriFor(publicUrl: string, connectorId: string): string {
  return `${publicUrl.trim().replace(/\/+$/, "")}${OAUTH_CONNECT_CALLBACK_PATH}/${encodeURIComponent(connectorId)}`;
}
