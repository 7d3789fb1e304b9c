/**
 * Every BFF path, once. The SPA and the BFF both build URLs from here so they cannot drift.
 * State-changing routes MUST carry the `X-CSRF` header (see `CSRF_HEADER`).
 */
export const CSRF_HEADER = "x-csrf";
export const CSRF_HEADER_VALUE = "1";

const enc = encodeURIComponent;

export const routes = {
  health: "/api/health",
  config: "/api/config",
  session: "/api/session",
  connectors: "/api/connectors",
  connector: (id: string) => `/api/connectors/${enc(id)}`,
  connectorWizard: (id: string) => `/api/connectors/${enc(id)}/wizard`,
  connectorDetails: (id: string) => `/api/connectors/${enc(id)}/details`,
  connectorConsent: (id: string) => `/api/connectors/${enc(id)}/consent`,
  /** POST: run the health checks now (JSON, or NDJSON lines with Accept: application/x-ndjson). */
  connectorChecks: (id: string) => `/api/connectors/${enc(id)}/checks`,
  /** POST: delete the stored tokens; the connector and its history stay. */
  connectorDisconnect: (id: string) => `/api/connectors/${enc(id)}/disconnect`,
  /** GET: the redacted diagnostics bundle (a JSON download). */
  connectorDiagnostics: (id: string) => `/api/connectors/${enc(id)}/diagnostics`,
  /** GET (support): activity across connectors; activityListQuerySchema → activityListResponseSchema. */
  activity: "/api/activity",
  /** GET (support): every matching row across connectors, streamed; activityExportQuerySchema (`format=csv|ndjson`). */
  activityExport: "/api/activity/export",
  /** GET (support): one connector's activity; activityListQuerySchema (without connectorId) → activityListResponseSchema. */
  connectorActivity: (id: string) => `/api/connectors/${enc(id)}/activity`,
  /** GET (support): one connector's matching rows, streamed; activityExportQuerySchema. */
  connectorActivityExport: (id: string) => `/api/connectors/${enc(id)}/activity/export`,
  /** GET (support): the accounts from Workday's /workers → accountsResponseSchema. */
  connectorAccounts: (id: string) => `/api/connectors/${enc(id)}/accounts`,
  /** GET (support): the activity sync status → syncStatusResponseSchema. */
  connectorSync: (id: string) => `/api/connectors/${enc(id)}/sync`,
  /** PUT (admin): syncSettingsRequestSchema → syncStatusResponseSchema. */
  connectorSyncSettings: (id: string) => `/api/connectors/${enc(id)}/sync/settings`,
  /** POST (admin): resyncRequestSchema → 202 syncStatusResponseSchema; the window is fetched again in the background. */
  connectorResync: (id: string) => `/api/connectors/${enc(id)}/sync/resync`,
  /** The OAuth callback; registered in Workday as the connector's Redirection URI. */
  oauthCallback: (id: string) => `/api/oauth/connect/${enc(id)}`,
  /** GET on the callback with `?selftest=1`: answers redirectSelfTestResponseSchema when the URL reaches this deployment. */
  redirectSelfTest: (redirectUri: string) => `${redirectUri}?selftest=1`,
} as const;

/** SPA paths the BFF redirects to (after consent) — kept here so both sides agree. */
export const pages = {
  connectors: "/connectors",
  connector: (id: string) => `/connectors/${enc(id)}`,
  wizard: (id: string) => `/connectors/${enc(id)}/setup`,
  consentComplete: (id: string) => `/oauth/complete?connector=${enc(id)}`,
} as const;

/** The pop-up tells its opener that consent finished; the opener re-reads the connector. */
export const CONSENT_MESSAGE_TYPE = "workday-connect:consent-finished" as const;
