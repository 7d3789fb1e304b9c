import { z } from "zod";
import { connectorSchema } from "./connector";
import type { ConnectorStatus } from "./statuses";

/**
 * The hand-off link: an admin sends it to the Workday administrator, who has no console account,
 * so they can enter the API client's details and grant consent for one connector (docs/security.md).
 */

/** The link's token travels as `Authorization: Handoff <token>`; after consent, the results ticket as `Handoff-Result <ticket>`. */
export const HANDOFF_SCHEME = "Handoff";
export const HANDOFF_RESULT_SCHEME = "Handoff-Result";

/** The statuses a hand-off link is for: a draft, or a connector whose tokens are gone or refused (it needs consent). */
export const HANDOFF_CONNECTOR_STATUSES: readonly ConnectorStatus[] = ["pending_configuration", "pending_authorization", "relink_needed", "disconnected"];

export const HANDOFF_DEFAULT_HOURS = 24;
export const HANDOFF_MAX_HOURS = 7 * 24;
/** The expiry choices the connector page offers (any whole number of hours from 1 to 168 is accepted). */
export const HANDOFF_EXPIRY_CHOICES = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
] as const;

export const createHandoffLinkRequestSchema = z
  .object({
    expiresInHours: z
      .number({ error: "Give expiresInHours as a number of hours, from 1 to 168 (7 days)." })
      .int("Give expiresInHours as a whole number of hours.")
      .min(1, "A hand-off link lasts at least 1 hour.")
      .max(HANDOFF_MAX_HOURS, "A hand-off link lasts at most 7 days (168 hours).")
      .default(HANDOFF_DEFAULT_HOURS),
  })
  .strict();
export type CreateHandoffLinkRequest = z.input<typeof createHandoffLinkRequestSchema>;

export const handoffLinkStateSchema = z.enum(["active", "used", "expired", "revoked"]);
export type HandoffLinkState = z.infer<typeof handoffLinkStateSchema>;

/** How far the Workday administrator got through the link. */
export const handoffStepSchema = z.enum(["opened", "details_saved", "consent_started", "consent_completed"]);
export type HandoffStep = z.infer<typeof handoffStepSchema>;

export const HANDOFF_STATE_LABELS: Record<HandoffLinkState, string> = { active: "Active", used: "Used", expired: "Expired", revoked: "Revoked" };
export const HANDOFF_STEP_LABELS: Record<HandoffStep, string> = {
  opened: "Opened the link",
  details_saved: "Saved the client details",
  consent_started: "Started consent in Workday",
  consent_completed: "Completed consent",
};

/** One link as admins see it: never its token (only shown once, at creation) or its hash. */
export const handoffLinkSchema = z.object({
  id: z.string(),
  connectorId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: handoffLinkStateSchema,
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** When consent completed through it (the link is spent then). */
  usedAt: z.string().nullable(),
  lastStep: handoffStepSchema.nullable(),
  lastStepAt: z.string().nullable(),
  /** The address and browser of the last request made with it. */
  lastIp: z.string().nullable(),
  lastUserAgent: z.string().nullable(),
});
export type HandoffLink = z.infer<typeof handoffLinkSchema>;

export const handoffLinksResponseSchema = z.object({ links: z.array(handoffLinkSchema) });
export type HandoffLinksResponse = z.infer<typeof handoffLinksResponseSchema>;

export const handoffLinkResponseSchema = z.object({ link: handoffLinkSchema });
export type HandoffLinkResponse = z.infer<typeof handoffLinkResponseSchema>;

/** The create answer: the only time the full URL (with its token in the fragment) is shown. */
export const handoffLinkCreatedResponseSchema = z.object({ link: handoffLinkSchema, url: z.string() });
export type HandoffLinkCreatedResponse = z.infer<typeof handoffLinkCreatedResponseSchema>;

/**
 * What the hand-off page reads with its token: the connector's browser view (no secret), what the
 * link opens now (`setup`, or `results` once consent completed through it), and the allow-list so
 * the page checks the details exactly like the BFF.
 */
export const handoffViewResponseSchema = z.object({
  connector: connectorSchema,
  phase: z.enum(["setup", "results"]),
  expiresAt: z.string(),
  allowedWorkdayHosts: z.string(),
});
export type HandoffViewResponse = z.infer<typeof handoffViewResponseSchema>;

/** Sent by the consent pop-up to the hand-off page that opened it (exact origin and this shape checked). */
export const HANDOFF_MESSAGE_TYPE = "workday-connect:handoff-finished" as const;
export const handoffMessageSchema = z.object({
  type: z.literal(HANDOFF_MESSAGE_TYPE),
  connectorId: z.string(),
  outcome: z.enum(["success", "error", "refused"]),
  /** The results ticket (success only): opens the check results for a short while. */
  result: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  reasonCode: z.string().max(64).optional(),
});
export type HandoffMessage = z.infer<typeof handoffMessageSchema>;
