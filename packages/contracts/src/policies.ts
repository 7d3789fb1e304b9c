import { z } from "zod";
import { POLICY_FIELDS, POLICY_OPS, POLICY_TEMPLATES, policyProblems, type PolicyCondition } from "@wc/workday";

/**
 * Activity policies and the alerts they raise (docs/policies.md). The request schema refuses a
 * policy that could never match with a message on the field to fix, in the browser and the BFF alike.
 */

export const severitySchema = z.enum(["low", "medium", "high"], { error: "Choose a severity: low, medium or high." });
export type Severity = z.infer<typeof severitySchema>;

const valueSchema = z.string({ error: "Each value must be text." }).trim().max(500, "Use at most 500 characters per value.");

export const policyLeafSchema = z.strictObject({
  field: z.enum(POLICY_FIELDS, { error: `Choose a field: ${POLICY_FIELDS.join(", ")}.` }),
  op: z.enum(POLICY_OPS, { error: `Choose how to compare: ${POLICY_OPS.join(", ")}.` }),
  values: z
    .array(valueSchema, { error: "Give the values as a list." })
    .min(1, "Add at least one value: an empty list can never match.")
    .max(500, "Use at most 500 values."),
});

export const policyConditionSchema: z.ZodType<PolicyCondition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(policyConditionSchema).max(50, "Use at most 50 conditions in a group.") }),
      z.strictObject({ any: z.array(policyConditionSchema).max(50, "Use at most 50 conditions in a group.") }),
      policyLeafSchema,
    ],
    { error: "A condition is a field test ({field, op, values}) or a group ({all: […]} or {any: […]})." },
  ),
);

/** The same shape as answered (a separate schema: the document describes requests and answers apart). */
export const policyConditionViewSchema: z.ZodType<PolicyCondition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(policyConditionViewSchema) }),
    z.object({ any: z.array(policyConditionViewSchema) }),
    z.object({ field: z.enum(POLICY_FIELDS), op: z.enum(POLICY_OPS), values: z.array(z.string()) }),
  ]),
);

export const thresholdSchema = z.strictObject({
  count: z
    .number({ error: "Enter how many rows." })
    .int("Enter a whole number of rows.")
    .min(2, "A threshold counts at least 2 rows; leave it out to alert on every match.")
    .max(100_000),
  withinMinutes: z
    .number({ error: "Enter the minutes." })
    .int("Enter whole minutes.")
    .min(1, "Use at least 1 minute.")
    .max(1440, "Use at most 1440 minutes (a day)."),
});

export const workingHoursSchema = z.strictObject({
  timeZone: z.string({ error: "Choose a time zone." }).trim().min(1, "Choose a time zone.").max(64),
  days: z
    .array(z.number().int().min(1).max(7), { error: "Choose the working days (1 = Monday … 7 = Sunday)." })
    .max(7)
    .transform((d) => [...new Set(d)].sort()),
  start: z.string({ error: "Write the start as HH:MM." }),
  end: z.string({ error: "Write the end as HH:MM." }),
});

/** Working hours as answered (no parsing). */
const workingHoursViewSchema = z.object({ timeZone: z.string(), days: z.array(z.number()), start: z.string(), end: z.string() });

const nameSchema = z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

/** POST /api/policies and PUT /api/policies/:id: the whole policy. */
export const policyRequestSchema = z
  .strictObject({
    name: nameSchema,
    description: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
    severity: severitySchema,
    enabled: z.boolean({ error: "Say whether the policy is enabled." }).default(true),
    /** null: every connector, present and future. */
    connectorIds: z
      .array(z.string().min(1).max(64), { error: "Choose connectors, or all." })
      .max(1000, "Choose at most 1000 connectors, or all.")
      .nullable()
      .default(null)
      .refine((ids) => ids === null || ids.length > 0, "Choose at least one connector, or all connectors."),
    condition: policyConditionSchema,
    threshold: thresholdSchema.nullable().default(null),
    outsideHours: workingHoursSchema.nullable().default(null),
    templateId: z.string().max(64).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    for (const problem of policyProblems(p)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });
export type PolicyRequest = z.input<typeof policyRequestSchema>;
export type PolicyInput = z.output<typeof policyRequestSchema>;

export const policyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  severity: severitySchema,
  enabled: z.boolean(),
  connectorIds: z.array(z.string()).nullable(),
  condition: policyConditionViewSchema,
  threshold: thresholdSchema.nullable(),
  outsideHours: workingHoursViewSchema.nullable(),
  templateId: z.string().nullable(),
  /** Rows stored at or after this instant are evaluated by this version of the policy. */
  effectiveFrom: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  openAlerts: z.number(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

export const policiesResponseSchema = z.object({ policies: z.array(policyViewSchema) });
export type PoliciesResponse = z.infer<typeof policiesResponseSchema>;

export const policyTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  severity: severitySchema,
  looksFor: z.string(),
  why: z.string(),
  adjust: z.string().nullable(),
  definition: z.object({ condition: policyConditionViewSchema, threshold: thresholdSchema.nullable(), outsideHours: workingHoursViewSchema.nullable() }),
});
export const policyTemplatesResponseSchema = z.object({ templates: z.array(policyTemplateSchema) });
export const POLICY_TEMPLATE_IDS = POLICY_TEMPLATES.map((t) => t.id);

/** POST /api/policies/backtest: a policy as on the form, not saved. */
export const backtestResponseSchema = z.object({
  /** Alerts it would have raised over stored activity in the window. */
  alerts: z.number(),
  /** Rows it would have matched. */
  rows: z.number(),
  /** Rows read. */
  scanned: z.number(),
  from: z.string(),
  to: z.string(),
  /** True when the window held more rows than a backtest reads (the figures then cover the newest ones). */
  truncated: z.boolean(),
  /** A few of the alerts, newest first, to show what would have fired. */
  examples: z.array(z.object({ connectorId: z.string(), account: z.string(), rows: z.number(), firstRowAt: z.string(), lastRowAt: z.string() })),
});
export type BacktestResponse = z.infer<typeof backtestResponseSchema>;

export const ALERT_STATUSES = ["open", "resolved", "dismissed"] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES, { error: "Status must be open, resolved or dismissed." });
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const alertViewSchema = z.object({
  id: z.string(),
  policyId: z.string(),
  /** The policy's name when the alert was raised (the policy may since be renamed or deleted). */
  policyName: z.string(),
  severity: severitySchema,
  connector: z.object({ id: z.string(), name: z.string().nullable(), tenant: z.string().nullable() }),
  account: z.string(),
  status: alertStatusSchema,
  rowCount: z.number(),
  firstRowAt: z.string(),
  lastRowAt: z.string(),
  raisedAt: z.string(),
  note: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

const queryText = (label: string) =>
  z
    .string({ error: `${label} must be given once.` })
    .trim()
    .min(1, `${label} is empty: leave it out.`)
    .max(200);

export const ALERTS_MAX_PAGE_SIZE = 200;

/** GET /api/alerts: newest first; `cursor` is the previous answer's `nextCursor`. */
export const alertListQuerySchema = z.strictObject({
  policyId: queryText("Policy").optional(),
  severity: severitySchema.optional(),
  connectorId: queryText("Connector").optional(),
  account: queryText("Account").optional(),
  status: alertStatusSchema.optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,4}$/, "Page size must be a whole number.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= ALERTS_MAX_PAGE_SIZE, `Page size must be between 1 and ${ALERTS_MAX_PAGE_SIZE}.`)
    .default(50),
  cursor: z.string().min(1).max(300, "Cursor is not one this server issued.").optional(),
});
export type AlertListQuery = z.input<typeof alertListQuerySchema>;
export type AlertListParsed = z.output<typeof alertListQuerySchema>;

export const alertCountsSchema = z.object({ open: z.number(), resolved: z.number(), dismissed: z.number() });
export const alertListResponseSchema = z.object({
  alerts: z.array(alertViewSchema),
  nextCursor: z.string().nullable(),
  /** Over every alert matching the other filters, whatever `status` says. */
  counts: alertCountsSchema,
});
export type AlertListResponse = z.infer<typeof alertListResponseSchema>;

/** GET /api/alerts/:id: the alert with its rows (at most 500, oldest first). */
export const alertDetailSchema = alertViewSchema.extend({
  rows: z.array(
    z.object({
      id: z.string(),
      requestTime: z.string(),
      systemAccount: z.string(),
      taskDisplayName: z.string().nullable(),
      activityAction: z.string().nullable(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      deviceType: z.string().nullable(),
      targetDescriptor: z.string().nullable(),
    }),
  ),
  /** True when the alert holds more rows than `rows` lists. */
  moreRows: z.boolean(),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

/** POST /api/alerts/:id/status: resolve, dismiss (both with a note) or reopen. */
export const alertStatusRequestSchema = z
  .strictObject({
    status: alertStatusSchema,
    note: z.string({ error: "Write a note." }).trim().max(2000, "Use at most 2000 characters.").default(""),
  })
  .refine((r) => r.status === "open" || r.note.length > 0, { message: "Say why in a note: it goes into the audit log.", path: ["note"] });
export type AlertStatusRequest = z.input<typeof alertStatusRequestSchema>;

/** The most alerts one bulk change may take: more is a filter too broad to have been read. */
export const ALERTS_BULK_MAX = 100_000;

/**
 * POST /api/alerts/bulk-status: every alert the filters match whose status is `from` gets
 * `status` at once, with one note. `count` is how many the admin was shown (the list's count for
 * `from`): if that many no longer match (an alert raised or changed meanwhile), nothing changes.
 */
export const alertsStatusRequestSchema = z
  .strictObject({
    filter: z
      .strictObject({
        policyId: queryText("Policy").optional(),
        severity: severitySchema.optional(),
        connectorId: queryText("Connector").optional(),
        account: queryText("Account").optional(),
      })
      .default({}),
    from: alertStatusSchema,
    status: alertStatusSchema,
    note: z.string({ error: "Write a note." }).trim().max(2000, "Use at most 2000 characters.").default(""),
    count: z
      .number({ error: "Say how many alerts you were shown (count)." })
      .int("Count must be a whole number.")
      .min(1, "Count must be at least 1: there is nothing to change.")
      .max(ALERTS_BULK_MAX, `At most ${ALERTS_BULK_MAX.toLocaleString("en")} alerts at once: narrow the filters.`),
  })
  .refine((r) => r.status !== r.from, { message: "Choose a status other than the one the alerts have.", path: ["status"] })
  .refine((r) => r.status === "open" || r.note.length > 0, { message: "Say why in a note: it goes into the audit log.", path: ["note"] });
export type AlertsStatusRequest = z.input<typeof alertsStatusRequestSchema>;
export type AlertsStatusParsed = z.output<typeof alertsStatusRequestSchema>;
export const alertsStatusResponseSchema = z.object({ changed: z.number().int() });
export type AlertsStatusResponse = z.infer<typeof alertsStatusResponseSchema>;
