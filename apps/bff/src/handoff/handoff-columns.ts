import { handoffStepSchema } from "@wc/contracts";
import type { HandoffLinkRecord, HandoffUse } from "./handoff-store";

type Row = Record<string, unknown>;

/** The steps in the order the Workday administrator reaches them. */
const HANDOFF_STEP_ORDER = handoffStepSchema.options;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The same columns on both engines. */
export const HANDOFF_COLUMNS = [
  "id",
  "connector_id",
  "token_hash",
  "created_by",
  "created_by_id",
  "created_at",
  "expires_at",
  "revoked_at",
  "revoked_by",
  "used_at",
  "last_step",
  "last_step_at",
  "last_ip",
  "last_user_agent",
  "expiry_recorded_at",
  "result_hash",
  "result_expires_at",
] as const;

export function handoffValues(l: HandoffLinkRecord): unknown[] {
  return [
    l.id,
    l.connectorId,
    l.tokenHash,
    l.createdBy,
    l.createdById,
    l.createdAt,
    l.expiresAt,
    l.revokedAt,
    l.revokedBy,
    l.usedAt,
    l.lastStep,
    l.lastStepAt,
    l.lastIp,
    l.lastUserAgent,
    l.expiryRecordedAt,
    l.resultHash,
    l.resultExpiresAt,
  ];
}

export function handoffFromRow(r: Row): HandoffLinkRecord {
  const step = handoffStepSchema.safeParse(r.last_step);
  return {
    id: String(r.id),
    connectorId: String(r.connector_id),
    tokenHash: String(r.token_hash),
    createdBy: String(r.created_by),
    createdById: text(r.created_by_id),
    createdAt: String(r.created_at),
    expiresAt: String(r.expires_at),
    revokedAt: text(r.revoked_at),
    revokedBy: text(r.revoked_by),
    usedAt: text(r.used_at),
    lastStep: step.success ? step.data : null,
    lastStepAt: text(r.last_step_at),
    lastIp: text(r.last_ip),
    lastUserAgent: text(r.last_user_agent),
    expiryRecordedAt: text(r.expiry_recorded_at),
    resultHash: text(r.result_hash),
    resultExpiresAt: text(r.result_expires_at),
  };
}

/**
 * The step only moves forward (a re-opened link after consent started stays "consent started");
 * the client is always the latest. `?` placeholders, in this order: step rank, step, at, ip, user agent, id.
 */
export const RECORD_USE_SQL = `UPDATE handoff_links SET
  last_step = CASE WHEN ? >= ${stepRankSql("last_step")} THEN ? ELSE last_step END,
  last_step_at = ?, last_ip = ?, last_user_agent = ? WHERE id = ?`;

export function recordUseValues(id: string, u: HandoffUse): unknown[] {
  return [HANDOFF_STEP_ORDER.indexOf(u.step), u.step, u.at, u.ip, u.userAgent, id];
}

function stepRankSql(column: string): string {
  return `CASE ${column} ${HANDOFF_STEP_ORDER.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} ELSE -1 END`;
}

export const REVOKE_SQL = "UPDATE handoff_links SET revoked_at = ?, revoked_by = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL";

export const SPEND_SQL = `UPDATE handoff_links SET used_at = ?, last_step = ?, last_step_at = ?, last_ip = ?, last_user_agent = ?,
  result_hash = ?, result_expires_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL`;

export function spendValues(id: string, u: HandoffUse, result: { hash: string; expiresAt: string }): unknown[] {
  return [u.at, u.step, u.at, u.ip, u.userAgent, result.hash, result.expiresAt, id];
}

export const EXPIRY_SQL = "UPDATE handoff_links SET expiry_recorded_at = ? WHERE id = ? AND expiry_recorded_at IS NULL";
