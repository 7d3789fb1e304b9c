/** The Client Name suggested when the admin gives none. */
export const DEFAULT_CLIENT_NAME = "workday-connect";

/** One field of Workday's "Register API Client" task, with the value to enter. */
export interface RegistrationValue {
  /** The field label exactly as Workday shows it. */
  label: string;
  value: string;
  /** Typed into a text box in Workday (so a Copy button helps); the others are picked from a list or ticked. */
  typed: boolean;
  note?: string;
}

/**
 * The values to enter in Workday's "Register API Client" task (docs/workday.md §3, as Microsoft asks for
 * them). `redirectUri` MUST be this connector's {@link redirectUriFor} value: Workday only returns
 * to a Redirection URI that matches the registered one exactly.
 */
export function registrationValues(redirectUri: string, clientName?: string): RegistrationValue[] {
  const name = clientName?.trim() ?? "";
  return [
    { label: "Client Name", value: name === "" ? DEFAULT_CLIENT_NAME : name, typed: true, note: "Any name your Workday admins will recognise." },
    { label: "Client Grant Type", value: "Authorization Code Grant", typed: false },
    { label: "Access Token Type", value: "Bearer", typed: false },
    { label: "Redirection URI", value: redirectUri, typed: true, note: "Must match character for character; each connector has its own." },
    {
      label: "Non-Expiring Refresh Tokens",
      value: "Yes",
      typed: false,
      note: "Otherwise the refresh token can expire after a period of inactivity and the connector would need reconnecting.",
    },
    {
      label: "Scope (Functional Areas)",
      value: "Staffing, System",
      typed: false,
      note: "Staffing for the workers list, System for user activity. Select both.",
    },
  ];
}

/**
 * The five values Workday shows once the API client is registered, to note down before leaving
 * the page: Workday shows the Client Secret only once.
 */
export const DONE_PAGE_VALUES = ["Client ID", "Client Secret", "Workday REST API Endpoint", "Token Endpoint", "Authorization Endpoint"] as const;
export type DonePageValue = (typeof DONE_PAGE_VALUES)[number];
