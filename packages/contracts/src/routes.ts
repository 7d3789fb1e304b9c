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
  /** GET (public): who is signed in, whether first-admin setup or SSO is available. */
  session: "/api/session",
  /** POST: the signed-in user's own password {currentPassword, newPassword}. */
  sessionPassword: "/api/session/password",
  signIn: "/api/auth/sign-in",
  signOut: "/api/auth/sign-out",
  /** POST {token, name, email, password}: creates the first admin with the one-time setup token. */
  setup: "/api/auth/setup",
  /** GET ?returnTo=/path: starts single sign-on with the organisation's OpenID Connect provider. */
  ssoStart: "/api/auth/sso/start",
  /** The OpenID Connect redirect URI to register at the provider: `<PUBLIC_URL>/api/auth/sso/callback`. */
  ssoCallback: "/api/auth/sso/callback",
  users: "/api/users",
  user: (id: string) => `/api/users/${enc(id)}`,
  /** POST {password}: an admin sets a new password; the user's sessions end. */
  userPassword: (id: string) => `/api/users/${enc(id)}/password`,
  /** DELETE: ends every session of the user now. */
  userSessions: (id: string) => `/api/users/${enc(id)}/sessions`,
  /** GET ?actor&action&targetId&from&to&before&limit: the audit log, newest first (admins). */
  audit: "/api/audit",
  connectors: "/api/connectors",
  /** GET (support): every connector's id and name, by name; connectorNamesResponseSchema. */
  connectorNames: "/api/connector-names",
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
  /** GET (support) → channelsResponseSchema; POST (admin) channelRequestSchema → 201 channelCreatedResponseSchema. */
  notificationChannels: "/api/notifications/channels",
  /** GET (support) → channelViewSchema; PUT (admin) channelRequestSchema; DELETE (admin). */
  notificationChannel: (id: string) => `/api/notifications/channels/${enc(id)}`,
  /** POST (admin): queue a notification.test event for this channel → 202 testQueuedResponseSchema. */
  notificationChannelTest: (id: string) => `/api/notifications/channels/${enc(id)}/test`,
  /** POST (admin): replace the webhook signing secret → signingSecretResponseSchema (shown once). */
  notificationChannelSecret: (id: string) => `/api/notifications/channels/${enc(id)}/secret`,
  /** GET (support): the channel's delivery log, newest first → deliveryLogResponseSchema. */
  notificationChannelDeliveries: (id: string) => `/api/notifications/channels/${enc(id)}/deliveries`,
  /** GET (admin) → handoffLinksResponseSchema; POST (admin) createHandoffLinkRequestSchema → 201 handoffLinkCreatedResponseSchema. */
  connectorHandoffLinks: (id: string) => `/api/connectors/${enc(id)}/handoff-links`,
  /** DELETE (admin): revokes the link → handoffLinkResponseSchema. */
  connectorHandoffLink: (id: string, linkId: string) => `/api/connectors/${enc(id)}/handoff-links/${enc(linkId)}`,
  /** GET with `Authorization: Handoff <token>` (or `Handoff-Result <ticket>`) → handoffViewResponseSchema. */
  handoff: "/api/handoff",
  /** PUT with the link's token: the details request, as the wizard's Enter details step → handoffViewResponseSchema. */
  handoffDetails: (id: string) => `/api/handoff/connectors/${enc(id)}/details`,
  /** POST with the link's token: startConsentRequestSchema → startConsentResponseSchema. */
  handoffConsent: (id: string) => `/api/handoff/connectors/${enc(id)}/consent`,
  /** POST with the results ticket: the live checks, streamed as NDJSON like connectorChecks. */
  handoffChecks: (id: string) => `/api/handoff/connectors/${enc(id)}/checks`,
  /** GET (admin session) → apiTokensResponseSchema; POST (admin session) createApiTokenRequestSchema → 201 apiTokenCreatedResponseSchema. */
  apiTokens: "/api/api-tokens",
  /** DELETE (admin session): revokes the token → apiTokenResponseSchema. */
  apiToken: (id: string) => `/api/api-tokens/${enc(id)}`,
  /** GET (support) → policiesResponseSchema; POST (admin) policyRequestSchema → 201 policyViewSchema. */
  policies: "/api/policies",
  /** GET (support) → policyViewSchema; PUT (admin) policyRequestSchema; DELETE (admin). */
  policy: (id: string) => `/api/policies/${enc(id)}`,
  /** GET (support) → policyTemplatesResponseSchema. */
  policyTemplates: "/api/policies/templates",
  /** POST (admin): policyRequestSchema, not saved → backtestResponseSchema over the last 7 days of stored activity. */
  policyBacktest: "/api/policies/backtest",
  /** GET (support): alertListQuerySchema → alertListResponseSchema. */
  alerts: "/api/alerts",
  /** GET (support) → alertDetailSchema. */
  alert: (id: string) => `/api/alerts/${enc(id)}`,
  /** POST (admin): alertStatusRequestSchema → alertViewSchema (audited). */
  alertStatus: (id: string) => `/api/alerts/${enc(id)}/status`,
  /** POST (admin): alertsStatusRequestSchema → alertsStatusResponseSchema (audited once), every alert the filters match. */
  alertsStatus: "/api/alerts/bulk-status",
  /** GET (public): the OpenAPI 3.1 document of every /api/ route. */
  openapi: "/api/openapi.json",
  /** The OAuth callback; registered in Workday as the connector's Redirection URI. */
  oauthCallback: (id: string) => `/api/oauth/connect/${enc(id)}`,
  /** GET on the callback with `?selftest=1`: answers redirectSelfTestResponseSchema when the URL reaches this deployment. */
  redirectSelfTest: (redirectUri: string) => `${redirectUri}?selftest=1`,
} as const;

/** SPA paths the BFF redirects to (after consent) — kept here so both sides agree. */
export const pages = {
  signIn: "/sign-in",
  /** The first-admin link carries its token in the fragment (#token=…) so it never reaches a log. */
  setup: "/setup",
  users: "/users",
  audit: "/audit",
  notifications: "/notifications",
  policies: "/policies",
  policy: (id: string) => `/policies/${enc(id)}`,
  newPolicy: "/policies/new",
  alerts: "/alerts",
  alert: (id: string) => `/alerts/${enc(id)}`,
  apiTokens: "/api-tokens",
  connectors: "/connectors",
  connector: (id: string) => `/connectors/${enc(id)}`,
  wizard: (id: string) => `/connectors/${enc(id)}/setup`,
  /** `refused`: Workday's answer failed the state check (expired, replayed, another browser); nothing was recorded. */
  consentComplete: (id: string, o: { refused?: boolean } = {}) => `/oauth/complete?connector=${enc(id)}${o.refused ? "&refused=state" : ""}`,
  /** The hand-off page; the link carries its token in the fragment (#<token>) so it never reaches a log or a Referer. */
  handoff: "/handoff",
  /**
   * Where the callback sends a consent started from the hand-off page. `outcome` and Workday's
   * reason code are not secret; a success's results ticket is added by the BFF as the fragment.
   */
  handoffComplete: (id: string, o: { outcome: "success" | "error" | "refused"; reasonCode?: string | null }) =>
    `/handoff/complete?connector=${enc(id)}&outcome=${o.outcome}${o.reasonCode ? `&reason=${enc(o.reasonCode)}` : ""}`,
} as const;

/** The pop-up tells its opener that consent finished; the opener re-reads the connector. */
export const CONSENT_MESSAGE_TYPE = "workday-connect:consent-finished" as const;
