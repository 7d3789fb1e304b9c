import { PREREQUISITES, TENANT_SETUP_STEPS, type SetupKey } from "./prerequisites";

/**
 * A prerequisite row or tenant-setup switch in Workday's words: "System › System Auditing (View / Get)"
 * or "Edit Tenant Setup – System › User Activity Logging › Enable User Activity Logging".
 */
export function setupKeyLabel(key: SetupKey): string {
  const row = PREREQUISITES.find((p) => p.key === key);
  if (row) {
    const policy = [row.functionalArea, row.domainPolicy, row.subdomainPolicy].filter((p) => p !== null).join(" › ");
    return `${policy} (${row.reportTaskPermissions} / ${row.integrationPermissions})`;
  }
  const step = TENANT_SETUP_STEPS.find((s) => s.key === key);
  return step ? `${step.task} › ${step.section} › ${step.setting}` : key;
}
