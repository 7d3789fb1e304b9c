import { z } from "zod";
import { DETAILS_VIEW_SHAPE } from "./details-view";
import { CONSENTED_BY_EXPLANATIONS, type ConsentedByReason } from "@wc/workday";
import { connectorStatusSchema, environmentSchema, wizardStepSchema } from "./statuses";

const isoDate = z.string();

/** What the last consent attempt ended with, so the wizard can say why and offer a retry. */
export const consentOutcomeSchema = z.object({
  outcome: z.enum(["success", "error"]),
  reasonCode: z.string().nullable(),
  /** Workday's own error text (redacted), when it sent one. */
  detail: z.string().nullable(),
  at: isoDate,
});
export type ConsentOutcome = z.infer<typeof consentOutcomeSchema>;

/** One health check's latest result; `detail` is Workday's answer reduced to status + error code. */
export const checkResultSchema = z.object({
  id: z.enum(["token", "rest_api", "activity_logging", "workers"]),
  ok: z.boolean(),
  /** Not run because an earlier check failed (e.g. no token, so no API call). */
  skipped: z.boolean(),
  reasonCode: z.string().nullable(),
  detail: z.string().nullable(),
  at: z.string(),
  durationMs: z.number(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const CHECK_IDS = checkResultSchema.shape.id.options;

/**
 * The Workday account that gave the consent, read from Workday's own "Submit OAuth 2.0 Consent"
 * activity row; or why it is not known (yet). `name` is the worker's name when the account list
 * (`/workers`) links the account to one.
 */
export const consentedBySchema = z.discriminatedUnion("known", [
  z.object({ known: z.literal(true), account: z.string(), name: z.string().optional(), at: isoDate }),
  z.object({
    known: z.literal(false),
    reason: z.enum(Object.keys(CONSENTED_BY_EXPLANATIONS) as [ConsentedByReason, ...ConsentedByReason[]]),
    explanation: z.string(),
  }),
]);
export type ConsentedBy = z.infer<typeof consentedBySchema>;

export const connectorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: connectorStatusSchema,
  reasonCode: z.string().nullable(),
  tenant: z.string().nullable(),
  environment: environmentSchema.nullable(),
  wizardStep: wizardStepSchema,
  connectedAt: isoDate.nullable(),
  lastSuccessAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type ConnectorSummary = z.infer<typeof connectorSummarySchema>;

/**
 * A connector as the browser may see it. MUST NOT carry the client secret, tokens or codes:
 * the secret is write-only (`clientSecretSet` + `clientSecretHint`, the last four characters).
 */
export const connectorSchema = connectorSummarySchema.extend({
  createdBy: z.string(),
  updatedAt: isoDate,
  prerequisites: z.record(z.string(), z.boolean()),
  tenantSetup: z.record(z.string(), z.boolean()),
  environmentSource: z.enum(["detected", "override"]).nullable(),
  environmentReason: z.string().nullable(),
  ...DETAILS_VIEW_SHAPE,
  effectiveAuthorizationUrl: z.string().nullable(),
  redirectUri: z.string(),
  /** The console user who started the consent. */
  consentGrantedBy: z.string().nullable(),
  /** The tenant's Workday site, `https://impl.workday.com/acme_impl`: as the admin gave it, else from the Authorization Endpoint; null when neither is known. */
  workdayAddress: z.string().nullable(),
  consentedBy: consentedBySchema,
  lastCheckAt: isoDate.nullable(),
  lastConsent: consentOutcomeSchema.nullable(),
  /** Workday's error behind the current status, redacted (status + error code only). */
  lastErrorDetail: z.string().nullable(),
  consecutiveTransientFailures: z.number(),
  nextCheckAt: isoDate.nullable(),
  lastChecks: z.array(checkResultSchema).nullable(),
});
export type Connector = z.infer<typeof connectorSchema>;

export const timelineEntrySchema = z.object({
  at: isoDate,
  from: connectorStatusSchema.nullable(),
  to: connectorStatusSchema,
  reasonCode: z.string().nullable(),
  actor: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
