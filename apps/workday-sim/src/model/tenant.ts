import { ActivityLog, type ActivitySpec } from "../activity/activity-log";
import type { FunctionalArea, PermissionKey } from "./permissions";

export const TENANT_KINDS = ["production", "sandbox", "implementation"] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export type AccountKind = "administrator" | "integration_system_user" | "user";

export interface Account {
  username: string;
  password: string;
  kind: AccountKind;
  /** Member of the connector's security group, whose domain permissions decide API access. */
  memberOfConnectorGroup: boolean;
  disabled: boolean;
  locked: boolean;
}

export interface ApiClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  clientGrantType: "Authorization Code Grant";
  accessTokenType: "Bearer";
  redirectUri: string;
  nonExpiringRefreshTokens: boolean;
  scopes: FunctionalArea[];
  createdAt: number;
}

export interface TenantSettings {
  userActivityLogging: boolean;
  oauthClientsEnabled: boolean;
  samlSso: boolean;
}

export type SandboxRefreshMode = "tokens" | "full";

export interface Tenant {
  name: string;
  kind: TenantKind;
  /** "Acme Corp": shown on the simulated corporate sign-in page. */
  companyName: string;
  settings: TenantSettings;
  /** `granted` is what the policies say now; `active` is what was last activated and is enforced. */
  permissions: { granted: Set<PermissionKey>; active: Set<PermissionKey> };
  accounts: Map<string, Account>;
  clients: Map<string, ApiClient>;
  activity: ActivityLog;
  sandboxRefresh: { weekly: boolean; mode: SandboxRefreshMode; lastRefreshAt: number | null; scheduleSince: number | null };
}

export const ISU_USERNAME = "isu_wdconnect";
export const ADMIN_USERNAME = "admin";

export const SEEDED_ACCOUNTS: readonly Account[] = [
  { username: ADMIN_USERNAME, password: "Workday-admin-1", kind: "administrator", memberOfConnectorGroup: true, disabled: false, locked: false },
  { username: ISU_USERNAME, password: "Workday-isu-1", kind: "integration_system_user", memberOfConnectorGroup: true, disabled: false, locked: false },
];

export const TENANT_NAME = /^[a-z0-9][a-z0-9_]{0,62}$/;

/** "acme_sandbox" → "acme": sandboxes are copies of production and share its people. */
export const companyKey = (tenantName: string): string => tenantName.split("_")[0] ?? tenantName;

export interface NewTenant {
  name: string;
  kind: TenantKind;
  prepared: boolean;
  samlSso: boolean;
  activity: ActivitySpec;
}

export function createTenant(input: NewTenant, allPermissions: readonly PermissionKey[]): Tenant {
  const key = companyKey(input.name);
  const granted = input.prepared ? allPermissions : [];
  return {
    name: input.name,
    kind: input.kind,
    companyName: `${key.charAt(0).toUpperCase()}${key.slice(1)} Corp`,
    settings: { userActivityLogging: input.prepared, oauthClientsEnabled: input.prepared, samlSso: input.samlSso },
    permissions: { granted: new Set(granted), active: new Set(granted) },
    accounts: new Map(SEEDED_ACCOUNTS.map((a) => [a.username, { ...a }])),
    clients: new Map(),
    activity: new ActivityLog(input.activity, `${key}.example.com`),
    sandboxRefresh: { weekly: false, mode: "tokens", lastRefreshAt: null, scheduleSince: null },
  };
}

export const isActive = (account: Account | undefined): account is Account => account !== undefined && !account.disabled && !account.locked;
