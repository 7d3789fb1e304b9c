import type { PolicyRecord } from "../src/policies";

/** An enabled high-severity policy on Start Proxy for every connector, saved at `at` by Ada; `over` changes any field. */
export function policyRecord(id: string, at: string, over: Partial<PolicyRecord> = {}): PolicyRecord {
  return {
    id,
    name: `Policy ${id}`,
    description: "",
    severity: "high",
    enabled: true,
    connectorIds: null,
    condition: { field: "taskDisplayName", op: "is", values: ["Start Proxy"] },
    threshold: null,
    outsideHours: null,
    templateId: null,
    effectiveFrom: at,
    createdAt: at,
    createdBy: "Ada",
    updatedAt: at,
    updatedBy: "Ada",
    ...over,
  };
}
