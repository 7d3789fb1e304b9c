import { CONSENT_TASK_NAME } from "../consenting-account";
import type { PolicyDefinition } from "./policy-types";

export type Severity = "low" | "medium" | "high";

export interface PolicyTemplate {
  id: string;
  name: string;
  severity: Severity;
  /** What the policy looks for, in Workday's terms. */
  looksFor: string;
  /** Why a security team cares. */
  why: string;
  /** What to adjust before saving, when the defaults are placeholders. */
  adjust: string | null;
  definition: PolicyDefinition;
}

/**
 * Workday task names as the activity log shows them for security configuration. Inferred from
 * Workday's task names (docs/policies.md says how to check them against your own tenant's log).
 */
export const SECURITY_TASKS = [
  "Maintain Permissions for Security Group",
  "Maintain Domain Permissions for Security Group",
  "Activate Pending Security Policy Changes",
  "Edit Tenant Setup - Security",
  "Create Security Group",
  "Edit Domain Security Policy Permissions",
  "Edit Business Process Security Policy",
];

/** Private ranges: a placeholder for the organisation's own egress ranges. */
export const PLACEHOLDER_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: "security-configuration-changed",
    name: "Security configuration changed",
    severity: "high",
    looksFor: `Any run of ${SECURITY_TASKS.slice(0, 3).join(", ")} or the other security tasks (${SECURITY_TASKS.length} in all).`,
    why: "Who may see and change what in Workday is decided by security groups and policies; a change there outside a planned window is how access is widened quietly.",
    adjust: null,
    definition: { condition: { field: "taskDisplayName", op: "is", values: [...SECURITY_TASKS] }, threshold: null, outsideHours: null },
  },
  {
    id: "many-worker-records-read",
    name: "Many worker records read by one account",
    severity: "medium",
    looksFor: "At least 50 reads of View Worker by one account within 10 minutes.",
    why: "Reading worker after worker is what collecting personal data (addresses, pay, national IDs) looks like, whether by a person or a stolen session.",
    adjust: "Raise the count if your HR partners routinely browse many workers.",
    definition: {
      condition: {
        all: [
          { field: "taskDisplayName", op: "is", values: ["View Worker"] },
          { field: "activityAction", op: "is", values: ["READ"] },
        ],
      },
      threshold: { count: 50, withinMinutes: 10 },
      outsideHours: null,
    },
  },
  {
    id: "address-outside-organisation",
    name: "Activity from an address outside the organisation's ranges",
    severity: "medium",
    looksFor: "Activity whose IP address is outside the ranges you list.",
    why: "Workday used from an unknown network may be a stolen password or session; Workday's own sign-on policies can then be tightened.",
    adjust: "Replace the private ranges with your organisation's egress and VPN ranges.",
    definition: { condition: { field: "ipAddress", op: "outside_ranges", values: [...PLACEHOLDER_RANGES] }, threshold: null, outsideHours: null },
  },
  {
    id: "integration-user-in-browser",
    name: "Integration system user acting from a browser",
    severity: "high",
    looksFor: `An account named like an integration system user (isu_…, ISU-…) with a browser's user agent, other than its ${CONSENT_TASK_NAME} when it connects the console.`,
    why: "Integration system users are for web services; one signing in through a browser means its password is known to a person. The consent that connects the console is given from a browser on purpose, so it is left out.",
    adjust: "Match your own naming convention for integration system users.",
    definition: {
      condition: {
        all: [
          { field: "systemAccount", op: "matches", values: ["^(isu|integration)[_-]"] },
          { field: "userAgent", op: "contains", values: ["Mozilla/"] },
          { field: "taskDisplayName", op: "is_not", values: [CONSENT_TASK_NAME] },
        ],
      },
      threshold: null,
      outsideHours: null,
    },
  },
  {
    id: "proxy-session-started",
    name: "Proxy session started",
    severity: "medium",
    looksFor: "Any run of Start Proxy, where one account acts as another worker.",
    why: "Proxy is meant for testing in non-production tenants; in production it lets an administrator see and do what the worker can.",
    adjust: null,
    definition: { condition: { field: "taskDisplayName", op: "is", values: ["Start Proxy"] }, threshold: null, outsideHours: null },
  },
];
