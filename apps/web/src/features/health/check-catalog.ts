import type { CheckResult } from "@wc/contracts";
import { CHECKS as WORKDAY_CHECKS, PREREQUISITES, TENANT_SETUP_STEPS, type CheckDefinition, type PrerequisiteKey, type TenantSetupStep } from "@wc/workday";

export type CheckId = CheckResult["id"];
type SetupKey = PrerequisiteKey | TenantSetupStep["key"];

/** The checks as packages/workday defines them, in the order the BFF runs and streams them. */
export type CheckInfo = CheckDefinition;
export const CHECKS = WORKDAY_CHECKS;

export function checkInfo(id: CheckId): CheckInfo {
  return CHECKS.find((c) => c.id === id) ?? { id, title: id, proves: "", prerequisites: [] };
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
