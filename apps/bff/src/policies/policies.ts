import { randomUUID } from "node:crypto";
import type { PolicyInput, PolicyView } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import type { PolicyRecord, PolicyStore } from "./policy-store";

export interface PolicyDeps {
  store: PolicyStore;
  now: () => Date;
}

export async function loadPolicy(d: PolicyDeps, id: string): Promise<PolicyRecord> {
  const p = await d.store.getPolicy(id);
  if (!p) throw new AppError(404, "not_found", "No such policy.");
  return p;
}

/** A saved version of a policy: compiled once, and history kept under another version counts for nothing. */
export const policyVersion = (p: Pick<PolicyRecord, "updatedAt" | "effectiveFrom">) => `${p.updatedAt}|${p.effectiveFrom}`;

export function newPolicy(input: PolicyInput, by: string, now: Date): PolicyRecord {
  const at = now.toISOString();
  return { id: `pol_${randomUUID()}`, ...fields(input), effectiveFrom: at, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
}

/** A new version: it decides rows stored from now on; matches pending under the old one are dropped. */
export function changedPolicy(before: PolicyRecord, input: PolicyInput, by: string, now: Date): PolicyRecord {
  const at = now.toISOString();
  return { ...before, ...fields(input), effectiveFrom: at, updatedAt: at, updatedBy: by };
}

function fields(i: Omit<PolicyInput, "enabled"> & { enabled: boolean }) {
  return {
    name: i.name,
    description: i.description,
    severity: i.severity,
    enabled: i.enabled,
    connectorIds: i.connectorIds,
    condition: i.condition,
    threshold: i.threshold,
    outsideHours: i.outsideHours,
    templateId: i.templateId,
  };
}

export const toPolicyView = (p: PolicyRecord, openAlerts: number): PolicyView => ({ ...p, openAlerts });

/** What the audit log keeps of a policy: all of it (a policy holds no secret). */
export const auditPolicy = (p: PolicyRecord): Record<string, unknown> => ({ ...fields(p), effectiveFrom: p.effectiveFrom });
