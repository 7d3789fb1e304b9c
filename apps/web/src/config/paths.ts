import { pages, routes, type WizardStep } from "@wc/contracts";

const withReturnTo = (path: string, returnTo?: string) => (returnTo ? `${path}?${new URLSearchParams({ returnTo }).toString()}` : path);

/** Every SPA path once, each with the function that builds a link to it. */
export const paths = {
  home: { path: "/", getHref: () => "/" },
  /** `returnTo`: where to go after signing in (the sign-in page only follows it when it is a safe path). */
  signIn: { path: pages.signIn, getHref: (returnTo?: string) => withReturnTo(pages.signIn, returnTo) },
  setup: { path: pages.setup, getHref: () => pages.setup },
  /** An action-only route: the top bar's Sign out posts here. */
  signOut: { path: "/sign-out", getHref: () => "/sign-out" },
  /** A full-page navigation to the BFF, which sends the browser on to the organisation's provider. */
  ssoStart: { getHref: (returnTo: string) => withReturnTo(routes.ssoStart, returnTo) },
  account: { path: "/account", getHref: () => "/account" },
  users: { path: pages.users, getHref: () => pages.users },
  /** Admins make and revoke the tokens scripts call the API with. */
  apiTokens: { path: pages.apiTokens, getHref: () => pages.apiTokens },
  audit: { path: pages.audit, getHref: (query?: URLSearchParams) => (query && query.size > 0 ? `${pages.audit}?${query.toString()}` : pages.audit) },
  notifications: { path: pages.notifications, getHref: () => pages.notifications },
  /** One channel: what it sends, its delivery log and, for admins, its actions. */
  notificationChannel: { path: `${pages.notifications}/:id`, getHref: (id: string) => `${pages.notifications}/${encodeURIComponent(id)}` },
  /** Activity policies: what in Workday's activity raises an alert. */
  policies: { path: pages.policies, getHref: () => pages.policies },
  newPolicy: { path: pages.newPolicy, getHref: () => pages.newPolicy },
  policy: { path: `${pages.policies}/:id`, getHref: (id: string) => pages.policy(id) },
  /** The alerts the policies raised; `query` carries the filters and the paging cursors. */
  alerts: { path: pages.alerts, getHref: (query?: URLSearchParams) => (query && query.size > 0 ? `${pages.alerts}?${query.toString()}` : pages.alerts) },
  alert: { path: `${pages.alerts}/:id`, getHref: (id: string) => pages.alert(id) },
  connectors: { path: pages.connectors, getHref: () => pages.connectors },
  newConnector: { path: "/connectors/new", getHref: () => "/connectors/new" },
  connector: { path: "/connectors/:id", getHref: (id: string) => pages.connector(id) },
  wizard: {
    path: "/connectors/:id/setup",
    getHref: (id: string, step?: WizardStep) => (step ? `${pages.wizard(id)}?step=${step}` : pages.wizard(id)),
  },
  /** The details step with one field focused ("Go to Client Secret" from a troubleshooting entry). */
  wizardField: {
    path: "/connectors/:id/setup",
    getHref: (id: string, field: string) => `${pages.wizard(id)}?step=details&focus=${encodeURIComponent(field)}`,
  },
  /** Workday user activity across connectors; `search` carries the filters (`?action=WRITE`). */
  activity: { path: "/activity", getHref: (search = "") => (search ? `/activity?${search}` : "/activity") },
  connectorActivity: {
    path: "/connectors/:id/activity",
    getHref: (id: string, search = "") => `${pages.connector(id)}/activity${search ? `?${search}` : ""}`,
  },
  consentComplete: { path: "/oauth/complete", getHref: (id: string) => pages.consentComplete(id) },
  /** The Workday administrator's page, opened by a hand-off link (#<token>). */
  handoff: { path: pages.handoff, getHref: () => pages.handoff },
  handoffComplete: { path: "/handoff/complete", getHref: (id: string) => pages.handoffComplete(id, { outcome: "success" }) },
} as const;
