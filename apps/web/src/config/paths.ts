import { pages, type WizardStep } from "@wc/contracts";

/** Every SPA path once, each with the function that builds a link to it. */
export const paths = {
  home: { path: "/", getHref: () => "/" },
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
} as const;
