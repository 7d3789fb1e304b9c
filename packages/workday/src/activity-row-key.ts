import type { ActivityRecord } from "./activity-row";

/**
 * The natural key of an activity row: what makes "the same row" when Workday returns it twice
 * (a retry, a restart, overlapping windows, re-anchoring past the offset ceiling).
 *
 * Chosen fields: everything Workday says about the event itself — requestTime, systemAccount,
 * taskId, taskDisplayName, activityAction, ipAddress, sessionId, userAgent, deviceType and the
 * target's id. Left out: the connector (the key is connector-independent; uniqueness is per
 * connector in the store), and the target's descriptor and href, which are Workday's current
 * label and link for the target and may change between two fetches of the same event.
 *
 * Consequence, deliberately accepted: two events identical in every chosen field (same
 * millisecond, account, task, session, address, agent and target) are stored once. Workday gives
 * rows no id, so they cannot be told apart from one row returned twice; XSOAR's collector makes
 * the same choice (docs/workday.md §6).
 */
export function activityRowKeyMaterial(r: ActivityRecord): string {
  return JSON.stringify([
    r.requestTime,
    r.systemAccount,
    r.taskId,
    r.taskDisplayName,
    r.activityAction,
    r.ipAddress,
    r.sessionId,
    r.userAgent,
    r.deviceType,
    r.targetId,
  ]);
}

/** Characters of base64url kept from the digest: 22 × 6 = 132 bits. */
export const ROW_KEY_LENGTH = 22;

/**
 * The key as stored: a digest of {@link activityRowKeyMaterial}. The digest is injected (this
 * package does no I/O and runs in the browser too); the BFF passes SHA-256 in base64url. A
 * cryptographic digest matters: userAgent is chosen by whoever makes the request, and a crafted
 * collision with an earlier row would make a later row look like a duplicate and be dropped.
 */
export function activityRowKey(r: ActivityRecord, digestBase64url: (material: string) => string): string {
  return digestBase64url(activityRowKeyMaterial(r)).slice(0, ROW_KEY_LENGTH);
}
