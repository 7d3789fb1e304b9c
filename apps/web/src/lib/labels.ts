import type { AlertStatus, ClientAuthMethod, Environment, Role, SessionUser, Severity } from "@wc/contracts";

/** The environments a Workday tenant can be; the console stores only production or sandbox. */
export type EnvironmentKind = Environment | "implementation";

export const ENVIRONMENT_NAMES: Record<EnvironmentKind, string> = {
  production: "Production",
  sandbox: "Sandbox",
  implementation: "Implementation",
};

// Workday names implementation tenants "<company>_impl" (or _impl1, _impl2…); the hosts ("impl")
// serve sandboxes too, so only the tenant name tells them apart.
const IMPLEMENTATION_TENANT = /_impl\d*$/i;

/**
 * Implementation tenants are stored as "sandbox" (both are refreshed from production and break the
 * same way), but each is shown by its own name: "Implementation" for an _impl tenant.
 */
export function environmentKind(environment: Environment, tenant: string | null): EnvironmentKind {
  return environment === "sandbox" && tenant !== null && IMPLEMENTATION_TENANT.test(tenant) ? "implementation" : environment;
}

/** "Production", "Sandbox", "Implementation", or "—" while the environment is not known yet. */
export function environmentName(environment: Environment | null, tenant: string | null): string {
  return environment === null ? "—" : ENVIRONMENT_NAMES[environmentKind(environment, tenant)];
}

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

/** A policy's severity, and so its alerts'. */
export const SEVERITY_NAMES: Record<Severity, string> = { low: "Low", medium: "Medium", high: "High" };

export const ALERT_STATUS_NAMES: Record<AlertStatus, string> = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" };
