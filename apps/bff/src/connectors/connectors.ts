import { randomUUID } from "node:crypto";
import type { DetailsParsed, WizardProgressRequest, WizardStep } from "@wc/contracts";
import { COPIED_DETAILS_FIELDS, ENDPOINT_FIELDS, endpointsByKind, SHOWN_DETAILS_FIELDS, shownDetailsOf, unsavedDetailsView, WIZARD_STEPS } from "@wc/contracts";
import {
  checkTenantConsistency,
  formatWorkdayAddress,
  guessEnvironment,
  parseWorkdayAddress,
  PREREQUISITES,
  TENANT_SETUP_STEPS,
  type HostAllowList,
} from "@wc/workday";
import { AppError, notFound } from "../platform/http/app-error";
import type { Keyring } from "../platform/crypto/crypto";
import { NameTakenError, type ConnectorPatch, type ConnectorRecord, type Store } from "../store/types";
import { sealSecret } from "../workday";

export interface ConnectorDeps {
  store: Store;
  keyring: Keyring;
  now: () => Date;
}

export async function loadConnector(d: ConnectorDeps, id: string): Promise<ConnectorRecord> {
  const c = await d.store.getConnector(id);
  if (!c) throw notFound("Connector");
  return c;
}

/** A new draft; `workdayAddress` (optional) passes the endpoints' host check before anything is stored. */
export async function createDraft(
  d: ConnectorDeps,
  name: string,
  actor: string,
  workday: { address?: string | null | undefined; allow: HostAllowList },
): Promise<ConnectorRecord> {
  const workdayAddress = storedAddress(workday.address ?? null, workday.allow);
  const now = d.now().toISOString();
  const rec: ConnectorRecord = {
    id: randomUUID(),
    name,
    status: "pending_configuration",
    reasonCode: "setup_incomplete",
    wizardStep: "prerequisites",
    prerequisites: Object.fromEntries(PREREQUISITES.map((p) => [p.key, false])),
    tenantSetup: Object.fromEntries(TENANT_SETUP_STEPS.map((s) => [s.key, false])),
    tenant: null,
    environment: null,
    environmentSource: null,
    environmentReason: null,
    ...shownDetailsOf(unsavedDetailsView()),
    clientSecretEnc: null,
    clientSecretHint: null,
    refreshTokenEnc: null,
    accessTokenEnc: null,
    accessTokenExpiresAt: null,
    consentGrantedBy: null,
    workdayAddress,
    consentingAccount: null,
    connectedAt: null,
    lastCheckAt: null,
    lastSuccessAt: null,
    lastConsent: null,
    consecutiveTransientFailures: 0,
    notifiedStatus: null,
    healthyStreak: 0,
    nextCheckAt: null,
    lastChecks: null,
    lastErrorDetail: null,
    createdBy: actor,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await d.store.insertConnector(rec, { at: now, from: null, to: rec.status, reasonCode: rec.reasonCode, actor });
  } catch (e) {
    if (e instanceof NameTakenError) throw nameTaken(name);
    throw e;
  }
  return rec;
}

const nameTaken = (name: string) =>
  new AppError(409, "conflict", `A connector named "${name}" already exists.`, { name: `"${name}" is already used: choose another name.` });

/**
 * Only keys of the prerequisite table and tenant-setup switches are kept; the step only moves within
 * the wizard. The Workday address is stored as its site and tenant, after the endpoints' host check.
 */
export async function saveProgress(d: ConnectorDeps, c: ConnectorRecord, p: WizardProgressRequest, allow: HostAllowList): Promise<ConnectorRecord> {
  const patch: ConnectorPatch = { updatedAt: d.now().toISOString() };
  if (p.workdayAddress !== undefined) patch.workdayAddress = storedAddress(p.workdayAddress, allow);
  if (p.prerequisites) patch.prerequisites = pickKnown(c.prerequisites, p.prerequisites, "prerequisites");
  if (p.tenantSetup) patch.tenantSetup = pickKnown(c.tenantSetup, p.tenantSetup, "tenantSetup");
  if (p.wizardStep) patch.wizardStep = p.wizardStep;
  return (await d.store.updateConnector(c.id, patch)) ?? c;
}

function storedAddress(raw: string | null, allow: HostAllowList): string | null {
  if (raw === null || raw.trim() === "") return null;
  const parsed = parseWorkdayAddress(raw, allow);
  if (!parsed.ok) throw new AppError(400, "validation_failed", "Some fields need fixing.", { workdayAddress: parsed.error });
  return formatWorkdayAddress(parsed);
}

function pickKnown(current: Record<string, boolean>, incoming: Record<string, boolean>, field: string) {
  const unknown = Object.keys(incoming).filter((k) => !(k in current));
  if (unknown.length > 0) {
    throw new AppError(400, "validation_failed", "Some fields need fixing.", { [field]: `Unknown item(s): ${unknown.join(", ")}.` });
  }
  return { ...current, ...incoming };
}

export function furthestStep(a: WizardStep, b: WizardStep): WizardStep {
  return WIZARD_STEPS.indexOf(a) >= WIZARD_STEPS.indexOf(b) ? a : b;
}

// Copied from Workday's API client: a change means another client, and the tokens belong to the old one.
const COPIED = new Set<string>(COPIED_DETAILS_FIELDS);
const CLIENT_FIELDS = SHOWN_DETAILS_FIELDS.filter((field) => COPIED.has(field));

/**
 * Saves the client details. The secret is encrypted before it reaches the store. Changing the
 * client or an endpoint of a connector that holds tokens drops the tokens: they belong to the
 * old client, and a new consent is required.
 */
export async function saveDetails(d: ConnectorDeps, c: ConnectorRecord, v: DetailsParsed, actor: string): Promise<ConnectorRecord> {
  if (!v.clientSecret && !c.clientSecretEnc) {
    throw new AppError(400, "validation_failed", "Some fields need fixing.", {
      clientSecret: "Client Secret is required: copy it from Workday's done page (it is shown only once; use Generate New Client Secret if lost).",
    });
  }
  const tenant = checkTenantConsistency(endpointsByKind(v)).tenant;
  if (c.connectedAt !== null && c.tenant && tenant && c.tenant.toLowerCase() !== tenant.toLowerCase()) {
    // Same-tenant guard: a connector's history belongs to one tenant; another tenant is another connector.
    const message = `This connector belongs to tenant "${c.tenant}"; these endpoints are for "${tenant}". Create a new connector for "${tenant}".`;
    throw new AppError(409, "conflict", message, Object.fromEntries(ENDPOINT_FIELDS.map(([field]) => [field, message])));
  }
  const hosts = ENDPOINT_FIELDS.map(([field]) => new URL(v[field]).host);
  const guess = guessEnvironment({ hosts, tenant });
  const now = d.now().toISOString();
  const changedClient = v.clientSecret !== undefined || CLIENT_FIELDS.some((field) => c[field] !== v[field]);
  const patch: ConnectorPatch = {
    ...shownDetailsOf(v),
    tenant,
    environment: v.environmentOverride ?? guess.environment,
    environmentSource: v.environmentOverride ? "override" : "detected",
    environmentReason: v.environmentOverride ? "Set by an admin." : guess.reason,
    wizardStep: furthestStep(c.wizardStep, "connect"),
    updatedAt: now,
  };
  if (v.clientSecret !== undefined) {
    patch.clientSecretEnc = sealSecret(d.keyring, c.id, "clientSecret", v.clientSecret);
    patch.clientSecretHint = v.clientSecret.slice(-4);
  }
  const needsConsent = c.status === "pending_configuration" || (changedClient && c.refreshTokenEnc !== null);
  if (!needsConsent) return (await d.store.updateConnector(c.id, patch)) ?? c;
  Object.assign(patch, {
    status: "pending_authorization",
    reasonCode: "consent_not_started",
    refreshTokenEnc: null,
    accessTokenEnc: null,
    accessTokenExpiresAt: null,
  });
  const updated = await d.store.updateConnector(c.id, patch, {
    at: now,
    from: c.status,
    to: "pending_authorization",
    reasonCode: "consent_not_started",
    actor,
  });
  return updated ?? c;
}
