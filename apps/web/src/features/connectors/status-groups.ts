import type { ConnectorStatus } from "@wc/contracts";
import { STATUS_RULES } from "@wc/workday";

type WithStatus = { status: ConnectorStatus };

/** Setup was started but consent never completed: offer to resume or discard it. */
export const isDraft = (c: WithStatus) => c.status === "pending_configuration" || c.status === "pending_authorization";

/** Consent succeeded at some point and the tokens have not been deleted: checks can run (packages/workday STATUS_RULES). */
export const hasTokens = (c: WithStatus) => STATUS_RULES[c.status].checkable;

/** A refreshed sandbox: the one fix is to consent again, so the status offers it first. */
export const isSandboxRelink = (c: WithStatus & { environment: string | null }) => c.environment === "sandbox" && c.status === "relink_needed";

/**
 * The list's status filters, most urgent first: what someone must act on, what is failing for
 * now, the healthy, the setups under way and those set aside. A group of several statuses also
 * offers each of its statuses on its own.
 */
export const STATUS_GROUPS: readonly { label: (count: string) => string; statuses: readonly ConnectorStatus[] }[] = [
  { label: (n) => `${n} need attention`, statuses: ["relink_needed", "action_required"] },
  { label: (n) => `Degraded ${n}`, statuses: ["degraded"] },
  { label: (n) => `Connected ${n}`, statuses: ["connected"] },
  { label: (n) => `In setup ${n}`, statuses: ["pending_configuration", "pending_authorization"] },
  { label: (n) => `Disconnected ${n}`, statuses: ["disconnected"] },
];
