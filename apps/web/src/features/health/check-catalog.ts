import type { CheckResult } from "@wc/contracts";
import { PREREQUISITES, TENANT_SETUP_STEPS, type PrerequisiteKey, type TenantSetupStep } from "@wc/workday";

export type CheckId = CheckResult["id"];
type SetupKey = PrerequisiteKey | TenantSetupStep["key"];

export interface CheckInfo {
  id: CheckId;
  title: string;
  /** What a pass proves, in one sentence. */
  proves: string;
  /** The prerequisite-table row or tenant switch a pass verifies. */
  prerequisite?: SetupKey;
}

/**
 * Stand-in for `CHECKS` from @wc/workday, which is being added there: swap this list for that
 * export once it lands. In the order the BFF runs and streams them.
 */
export const CHECKS: readonly CheckInfo[] = [
  {
    id: "token",
    title: "Access token",
    proves: "The stored refresh token still gets an access token from the Token Endpoint.",
    prerequisite: "oauth_clients_enabled",
  },
  {
    id: "rest_api",
    title: "Workday REST API",
    proves: "The Workday REST API Endpoint answers and accepts the access token.",
  },
  {
    id: "workers",
    title: "Workers",
    proves: "The account that consented may list workers.",
    prerequisite: "worker_public_reports",
  },
  {
    id: "activity_logging",
    title: "User activity logging",
    proves: "The account may read the User Activity Logging API, and Workday records user activity.",
    prerequisite: "system_auditing",
  },
];

export function checkInfo(id: CheckId): CheckInfo {
  return CHECKS.find((c) => c.id === id) ?? { id, title: id, proves: "" };
}

/** The row as the Prerequisites and Tenant setup steps label it. */
export function prerequisiteLabel(key: SetupKey): string {
  const row = PREREQUISITES.find((p) => p.key === key);
  if (row) return row.subdomainPolicy ? `${row.domainPolicy} › ${row.subdomainPolicy}` : row.domainPolicy;
  return TENANT_SETUP_STEPS.find((s) => s.key === key)?.setting ?? key;
}

/** Whether the admin ticked the row in the wizard (before any check could verify it). */
export function tickedByAdmin(key: SetupKey, ticks: { prerequisites: Record<string, boolean>; tenantSetup: Record<string, boolean> }): boolean {
  return ticks.prerequisites[key] === true || ticks.tenantSetup[key] === true;
}

export const RESULT_WORDS = { passed: "Passed", failed: "Failed", skipped: "Skipped" } as const;

export function resultOf(check: CheckResult): keyof typeof RESULT_WORDS {
  if (check.skipped) return "skipped";
  return check.ok ? "passed" : "failed";
}
