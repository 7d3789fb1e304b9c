import type { ReasonCode } from "./reason-codes";
import { TROUBLESHOOTING } from "./troubleshooting";

/** The connector lifecycle (docs/troubleshooting.md "Statuses"): every status but `connected` carries a reason code. */
export const CONNECTOR_STATUSES = [
  "pending_configuration",
  "pending_authorization",
  "connected",
  "degraded",
  "relink_needed",
  "action_required",
  "disconnected",
] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];

interface StatusRule {
  /** Only an admin moves a connector out of it; health results never touch it. */
  frozen: boolean;
  /** An admin must act; an outage proves nothing about it, so it does not hide it. */
  needsAdmin: boolean;
  /** "Run checks now" works (a connector with tokens). */
  checkable: boolean;
  /** The health round checks it on its own (a relink waits for the admin's Reconnect). */
  scheduled: boolean;
  /** The activity sync fetches in it (action_required may be about workers only, so it is tried). */
  syncs: boolean;
}

const rule = (r: Partial<StatusRule>): StatusRule => ({ frozen: false, needsAdmin: false, checkable: false, scheduled: false, syncs: false, ...r });

/** What each status lets the console do: health, sync and the UI read these, never their own lists. */
export const STATUS_RULES: Readonly<Record<ConnectorStatus, StatusRule>> = {
  pending_configuration: rule({ frozen: true }),
  pending_authorization: rule({ frozen: true }),
  connected: rule({ checkable: true, scheduled: true, syncs: true }),
  degraded: rule({ checkable: true, scheduled: true, syncs: true }),
  action_required: rule({ needsAdmin: true, checkable: true, scheduled: true, syncs: true }),
  relink_needed: rule({ needsAdmin: true, checkable: true }),
  disconnected: rule({ frozen: true }),
};

/** The rule for a stored status; an unknown one (a row from a newer version) is treated as frozen. */
export function statusRule(status: string): StatusRule {
  return (STATUS_RULES as Record<string, StatusRule | undefined>)[status] ?? rule({ frozen: true });
}

/**
 * What an answer from Workday means, for everything that calls it (consent, health checks, token
 * refreshes, the activity sync): it passed, or it failed with a reason code whose class —
 * transient (retry on its own) or definitive (someone must act) — comes from the reason's entry
 * in the troubleshooting table, so no caller can disagree with the catalog.
 */
export type UpstreamOutcome = { outcome: "pass" } | UpstreamFailureOutcome;
export type UpstreamFailureOutcome = { outcome: "transient" | "definitive"; reasonCode: ReasonCode };

export const PASS: UpstreamOutcome = { outcome: "pass" };

export function failedWith(reasonCode: ReasonCode): UpstreamFailureOutcome {
  return { outcome: TROUBLESHOOTING[reasonCode].transient ? "transient" : "definitive", reasonCode };
}

export const isTransient = (reasonCode: ReasonCode): boolean => TROUBLESHOOTING[reasonCode].transient;
