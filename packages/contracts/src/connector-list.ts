import { z } from "zod";
import { CONNECTOR_STATUSES } from "@wc/workday";
import { connectorSummarySchema } from "./connector";
import type { ConnectorStatus } from "./statuses";

/**
 * `GET /api/connectors`: one page of the connectors, sorted and filtered on the server. Query
 * values arrive as strings; an unknown parameter is refused, so a misspelt filter never silently
 * returns everything.
 */

export const CONNECTOR_PAGE_MAX = 200;
export const CONNECTOR_PAGE_DEFAULT = 50;

export const CONNECTOR_SORTS = ["name", "status", "lastSuccess"] as const;
export type ConnectorSort = (typeof CONNECTOR_SORTS)[number];

/**
 * What `sort=status&order=asc` lists first: the statuses someone must act on, then the passing
 * trouble, then those set aside, then setups, then the healthy. The stores rank statuses this way
 * (their `status_rank` column); the store contract holds them to this list.
 */
export const STATUS_SORT_ORDER: readonly ConnectorStatus[] = [
  "relink_needed",
  "action_required",
  "degraded",
  "disconnected",
  "pending_authorization",
  "pending_configuration",
  "connected",
];

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

const statusList = z.string({ error: "Status must be given once, as text." }).transform((value, ctx): ConnectorStatus[] => {
  const wanted = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = wanted.filter((s) => !(CONNECTOR_STATUSES as readonly string[]).includes(s));
  if (wanted.length === 0 || unknown.length > 0) {
    const what = wanted.length === 0 ? "Status is empty" : `Status ${quoted(unknown)} is not one the console knows`;
    ctx.addIssue({ code: "custom", message: `${what}: use one or several of ${CONNECTOR_STATUSES.join(", ")}, comma-separated, or leave it out.` });
    return z.NEVER;
  }
  return [...new Set(wanted as ConnectorStatus[])];
});

export const connectorListQuerySchema = z
  .object({
    limit: z
      .string({ error: "Limit must be a whole number." })
      .regex(/^\d{1,9}$/, "Limit must be a whole number.")
      .transform(Number)
      .refine((n) => n >= 1 && n <= CONNECTOR_PAGE_MAX, `Limit must be between 1 and ${CONNECTOR_PAGE_MAX}.`)
      .default(CONNECTOR_PAGE_DEFAULT),
    /** A previous answer's `nextCursor` or `prevCursor`; it carries its sort, order and filters. */
    cursor: z.string().min(1, "Cursor is empty: leave it out for the first page.").max(1000, "Cursor is not one this server issued.").optional(),
    /** `name` when neither this nor a cursor says otherwise. */
    sort: z.enum(CONNECTOR_SORTS, { error: `Sort must be one of ${CONNECTOR_SORTS.join(", ")}.` }).optional(),
    /** `asc` when neither this nor a cursor says otherwise. */
    order: z.enum(["asc", "desc"], { error: "Order must be asc or desc." }).optional(),
    status: statusList.optional(),
    environment: z.enum(["production", "sandbox"], { error: "Environment must be production or sandbox." }).optional(),
    q: z
      .string({ error: "Search must be given once, as text." })
      .trim()
      .min(1, "Search is empty: leave it out to list every connector.")
      .max(100, "Search is longer than 100 characters.")
      .optional(),
  })
  .strict();
export type ConnectorListQuery = z.input<typeof connectorListQuerySchema>;
export type ConnectorListParsed = z.output<typeof connectorListQuerySchema>;

const count = z.number().int().min(0);

/** Every status with how many connectors have it (0 included). Spelt out so the document lists each status as a property. */
export const statusCountsSchema = z.object({
  pending_configuration: count,
  pending_authorization: count,
  connected: count,
  degraded: count,
  relink_needed: count,
  action_required: count,
  disconnected: count,
} satisfies Record<ConnectorStatus, typeof count>);
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const listConnectorsResponseSchema = z.object({
  connectors: z.array(connectorSummarySchema),
  /** Pass as `cursor` for the page after this one; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Pass as `cursor` for the page before this one; null on the first page. */
  prevCursor: z.string().nullable(),
  /** Connectors matching the filters, on every page. */
  total: z.number().int().min(0),
  /** Connectors per status in the whole console, whatever the filters. */
  counts: statusCountsSchema,
});
export type ListConnectorsResponse = z.infer<typeof listConnectorsResponseSchema>;

/**
 * `GET /api/connector-names`: every connector's id and name in one answer, for the pickers and the
 * texts that name connectors by id. Reading them through the list took one request per 200
 * connectors (50 at 10,000), each carrying statuses and counts nobody read there.
 */
export const connectorNamesQuerySchema = z.object({}).strict();
export const connectorNameEntrySchema = connectorSummarySchema.pick({ id: true, name: true });
export type ConnectorNameEntry = z.infer<typeof connectorNameEntrySchema>;
export const connectorNamesResponseSchema = z.object({
  /** Every connector, drafts included, by name (any case), then id. */
  connectors: z.array(connectorNameEntrySchema),
});
export type ConnectorNamesResponse = z.infer<typeof connectorNamesResponseSchema>;
