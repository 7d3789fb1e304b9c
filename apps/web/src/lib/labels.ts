import type { ClientAuthMethod, Environment, Role, SessionUser } from "@wc/contracts";

export const ENVIRONMENT_NAMES: Record<Environment, string> = {
  production: "Production",
  sandbox: "Sandbox",
};

export const ROLE_NAMES: Record<Role, string> = {
  admin: "Admin",
  support: "Support (read-only)",
};

/** How a person signs in: a password kept by this console, or the organisation's single sign-on. */
export const SIGN_IN_SOURCE_NAMES: Record<SessionUser["source"], string> = {
  local: "Local",
  oidc: "SSO",
};

export const CLIENT_AUTH_NAMES: Record<ClientAuthMethod, string> = {
  client_secret_basic: "HTTP Basic (default)",
  client_secret_post: "Client secret in the request body",
};

/** Workday's sandboxes are copied from production every week, which invalidates the connection. */
export const SANDBOX_NOTE = "Workday refreshes sandboxes weekly, which breaks the connection; reconnect after each refresh.";

/** "set (ends in …abcd)": the stored secret is never sent to the browser, only its last characters. */
export function describeSecret(set: boolean, hint: string | null): string {
  if (!set) return "not set";
  return hint ? `set (ends in …${hint})` : "set";
}
