/**
 * The domain security policies the connector's security group needs, as listed in Microsoft's
 * "Connect Workday" how-to. `key` is the simulator's stable name; the rest is what Workday shows.
 */
export const PERMISSIONS = [
  {
    key: "tenant_setup_security",
    functionalArea: "System",
    domain: "Set Up: Tenant Setup – General › Tenant Setup – Security",
    reportTask: "View, Modify",
    integration: "Get, Put",
  },
  {
    key: "tenant_setup_system",
    functionalArea: "System",
    domain: "Set Up: Tenant Setup – General › Tenant Setup – System",
    reportTask: "Modify",
    integration: "None",
  },
  {
    key: "security_administration",
    functionalArea: "System",
    domain: "Security Administration",
    reportTask: "View, Modify",
    integration: "Get, Put",
  },
  { key: "system_auditing", functionalArea: "System", domain: "System Auditing", reportTask: "View", integration: "Get" },
  {
    key: "worker_public_reports",
    functionalArea: "Staffing",
    domain: "Worker Data: Staffing › Public Worker Reports",
    reportTask: "View",
    integration: "Get",
  },
] as const;

export type PermissionKey = (typeof PERMISSIONS)[number]["key"];

export const PERMISSION_KEYS = PERMISSIONS.map((p) => p.key) as readonly PermissionKey[] as [PermissionKey, ...PermissionKey[]];

export const isPermissionKey = (value: string): value is PermissionKey => (PERMISSION_KEYS as readonly string[]).includes(value);

/** Functional areas offered under "Scope (Functional Areas)" on Register API Client. */
export const FUNCTIONAL_AREAS = [
  "Absence Management",
  "Benefits",
  "Compensation",
  "Contact Information",
  "Core Payroll",
  "Organizations and Roles",
  "Personal Data",
  "Recruiting",
  "Staffing",
  "System",
  "Talent",
  "Tenant Non-Configurable",
  "Time Tracking",
] as const;

export type FunctionalArea = (typeof FUNCTIONAL_AREAS)[number];
