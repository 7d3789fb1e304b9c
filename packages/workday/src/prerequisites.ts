/**
 * What the Workday account that consents needs, as Microsoft documents it for its Workday connector
 * (docs/workday.md §5 "Permissions", C). Each row is one domain security policy on the account's security
 * group; the verify step maps its live checks back to these keys.
 */
export interface PrerequisiteRow {
  key: PrerequisiteKey;
  functionalArea: string;
  domainPolicy: string;
  /** null: the permission is set on the domain itself (shown as "—"). */
  subdomainPolicy: string | null;
  reportTaskPermissions: string;
  integrationPermissions: string;
  /** One line: what the connector uses it for. */
  why: string;
}

export type PrerequisiteKey = "tenant_setup_security" | "tenant_setup_system" | "security_administration" | "system_auditing" | "worker_public_reports";

export const PREREQUISITES: readonly PrerequisiteRow[] = [
  {
    key: "tenant_setup_security",
    functionalArea: "System",
    domainPolicy: "Set Up: Tenant Setup – General",
    subdomainPolicy: "Set Up: Tenant Setup – Security",
    reportTaskPermissions: "View, Modify",
    integrationPermissions: "Get, Put",
    why: "Covers Edit Tenant Setup – Security, where OAuth 2.0 clients are enabled.",
  },
  {
    key: "tenant_setup_system",
    functionalArea: "System",
    domainPolicy: "Set Up: Tenant Setup – General",
    subdomainPolicy: "Set Up: Tenant Setup – System",
    reportTaskPermissions: "Modify",
    integrationPermissions: "None",
    why: "Covers Edit Tenant Setup – System, where user activity logging is enabled.",
  },
  {
    key: "security_administration",
    functionalArea: "System",
    domainPolicy: "Security Administration",
    subdomainPolicy: null,
    reportTaskPermissions: "View, Modify",
    integrationPermissions: "Get, Put",
    why: "Covers security groups and policies; Microsoft's Workday connector requires it too.",
  },
  {
    key: "system_auditing",
    functionalArea: "System",
    domainPolicy: "System Auditing",
    subdomainPolicy: null,
    reportTaskPermissions: "View",
    integrationPermissions: "Get",
    why: "Secures the User Activity Logging API the connector reads activity from.",
  },
  {
    key: "worker_public_reports",
    functionalArea: "Staffing",
    domainPolicy: "Worker Data: Staffing",
    subdomainPolicy: "Worker Data: Public Worker Reports",
    reportTaskPermissions: "View",
    integrationPermissions: "Get",
    why: "Secures the workers API the connector lists accounts from.",
  },
];

/** Notes shown with the permission table, in the order a Workday admin works through them. */
export const PREREQUISITE_NOTES: readonly { key: string; text: string }[] = [
  {
    key: "integration_system_user",
    text: "Use an Integration System User for the connection: it is not tied to a person, so the connection survives people leaving or changing roles.",
  },
  {
    key: "workday_administrator",
    text: "The account that sets these permissions must be a Workday administrator.",
  },
  {
    key: "find_policies",
    text: 'In Workday, search for "Domain Security Policies for Functional Area" to find each policy by its functional area, then give the security group the permissions in the table.',
  },
  {
    key: "activate_changes",
    text: 'Finish with the task "Activate Pending Security Policy Changes": until then Workday does not apply the new permissions.',
  },
];

export type TenantSetupKey = "user_activity_logging" | "oauth_clients_enabled";

/** A row of the prerequisite table or a tenant-setup switch: what a check proves, what a failure concerns. */
export type SetupKey = PrerequisiteKey | TenantSetupKey;

/** A tenant setting to switch on, and where. */
export interface TenantSetupStep {
  key: TenantSetupKey;
  task: string;
  /** The section of the task's page the setting sits in. */
  section: string;
  setting: string;
  why: string;
}

export const TENANT_SETUP_STEPS: readonly TenantSetupStep[] = [
  {
    key: "user_activity_logging",
    task: "Edit Tenant Setup – System",
    section: "User Activity Logging",
    setting: "Enable User Activity Logging",
    why: "Without it Workday records no user activity, so the connector has nothing to read.",
  },
  {
    key: "oauth_clients_enabled",
    task: "Edit Tenant Setup – Security",
    section: "OAuth 2.0 Settings",
    setting: "OAuth 2.0 Clients Enabled",
    why: "Without it Workday refuses every OAuth 2.0 API client, so consent cannot start.",
  },
];
