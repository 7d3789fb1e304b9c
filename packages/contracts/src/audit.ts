import { z } from "zod";

/** Every admin action and every sign-in, append-only. `before`/`after` never hold secrets. */
export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "auth.setup_completed",
  "auth.password_changed",
  "user.created",
  "user.updated",
  "user.password_reset",
  "user.removed",
  "user.sessions_ended",
  "connector.created",
  "connector.deleted",
  "connector.wizard_saved",
  "connector.details_saved",
  "connector.consent_started",
  "connector.consent_succeeded",
  "connector.consent_failed",
  "connector.checks_run",
  "connector.disconnected",
  "connector.sync_settings_changed",
  "connector.resync_requested",
  "connector.handoff_link_created",
  "connector.handoff_link_revoked",
  "connector.handoff_link_used",
  "connector.handoff_link_expired",
  "api_token.created",
  "api_token.revoked",
  "api_token.refused",
  "key.rotated",
  "notification.channel_created",
  "notification.channel_updated",
  "notification.channel_deleted",
  "notification.secret_rotated",
  "notification.test_sent",
  "policy.created",
  "policy.updated",
  "policy.deleted",
  "alert.resolved",
  "alert.dismissed",
  "alert.reopened",
  "alerts.resolved",
  "alerts.dismissed",
  "alerts.reopened",
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: auditActionSchema,
  targetType: z.enum(["connector", "user", "session", "key", "channel", "api_token", "policy", "alert"]).nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const isoOrEmpty = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), "Use a date and time like 2026-11-29T10:00:00Z.")
  .optional();

export const auditQuerySchema = z.object({
  actor: z.string().max(254).optional(),
  action: auditActionSchema.optional(),
  targetId: z.string().max(200).optional(),
  from: isoOrEmpty,
  to: isoOrEmpty,
  /** Entries older than this sequence number (the next page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const listAuditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type ListAuditResponse = z.infer<typeof listAuditResponseSchema>;
