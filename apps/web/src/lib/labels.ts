import type { ClientAuthMethod, Environment } from "@wc/contracts";

export const ENVIRONMENT_NAMES: Record<Environment, string> = {
  production: "Production",
  sandbox: "Sandbox",
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
