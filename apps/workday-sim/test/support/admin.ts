import type { Browser, Page } from "./browser";
import { control } from "./sim";
import type { RunningSimulator } from "../../src/index";

export const TASKS = [
  ["edit-tenant-setup-system", "Edit Tenant Setup – System"],
  ["edit-tenant-setup-security", "Edit Tenant Setup – Security"],
  ["domain-security-policies", "Domain Security Policies for Functional Area"],
  ["activate-pending-security-policy-changes", "Activate Pending Security Policy Changes"],
  ["register-api-client", "Register API Client"],
  ["view-api-clients", "View API Clients"],
  ["manage-refresh-tokens", "Manage Refresh Tokens for Integrations"],
  ["accounts", "Workday Accounts"],
  ["sandbox-refresh", "Sandbox Refresh"],
] as const;

export const open = (sim: RunningSimulator, browser: Browser, path: string): Promise<Page> => browser.get(`${sim.url}${path}`);

export const tenantJson = async (sim: RunningSimulator, name: string) =>
  (
    await control<{
      settings: Record<string, boolean>;
      permissions: { key: string; granted: boolean; active: boolean }[];
      accounts: { username: string; disabled: boolean }[];
    }>(sim, "GET", `/tenants/${name}`)
  ).json;

/** Every visible form control with an id has a <label for> naming it. */
export function labelledIds(html: string): { id: string; labelled: boolean }[] {
  return [...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map(([, id]) => ({
    id: id ?? "",
    labelled: html.includes(`<label for="${id ?? ""}">`),
  }));
}
