import type { ConnectorStatus } from "@wc/contracts";

type WithStatus = { status: ConnectorStatus };

/** Setup was started but consent never completed: offer to resume or discard it. */
export const isDraft = (c: WithStatus) => c.status === "pending_configuration" || c.status === "pending_authorization";

/** Consent succeeded at some point and the tokens have not been deleted. */
export const hasTokens = (c: WithStatus) => !isDraft(c) && c.status !== "disconnected";

/** A refreshed sandbox: the one fix is to consent again, so the status offers it first. */
export const isSandboxRelink = (c: WithStatus & { environment: string | null }) => c.environment === "sandbox" && c.status === "relink_needed";
