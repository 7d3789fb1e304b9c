import { z } from "zod";

/**
 * One /api route as the OpenAPI document describes it (openapi.ts builds the document from the
 * catalogue in api-operations.ts; the BFF's test checks the catalogue against the router).
 */

/** Who opens a route: anyone, a signed-in role (admin includes support), or a hand-off link's token. */
export const API_ACCESS = ["public", "support", "admin", "handoff"] as const;
export type ApiAccess = (typeof API_ACCESS)[number];

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export const API_TAGS = {
  Meta: "The console itself: liveness, deployment facts, this document.",
  Session: "Signing in and out, first-admin setup, single sign-on and the signed-in user's session. Browser routes: an API token never opens them.",
  Users: "Console accounts (admins).",
  Audit: "The audit log (admins): every admin action and sign-in, newest first.",
  Connectors: "Workday connectors: the setup wizard, consent, health checks, disconnecting and the diagnostics bundle.",
  Activity: "Workday user activity the console synchronises, its export, the account list and the sync settings.",
  Notifications: "Notification channels (webhooks and email) and their delivery logs.",
  Policies: "Activity policies: conditions over Workday activity that raise alerts as rows are stored.",
  Alerts: "Alerts raised by activity policies, and resolving or dismissing them.",
  "Hand-off links": "Links an admin sends a Workday administrator who has no console account, to enter the client details and consent for one connector.",
  "Hand-off": "What the hand-off page may do with a link's token (`Authorization: Handoff <token>`), or after consent with its results ticket.",
  "API tokens": "Tokens for scripts (`Authorization: Bearer wct_…`). Managed from a signed-in admin session only.",
  OAuth: "Workday's redirect back after consent.",
} as const;
export type ApiTag = keyof typeof API_TAGS;

/** One answer of a route. A JSON body, a stream, a download or a redirect; none of them for 204. */
export interface ApiResponse {
  description: string;
  /** `application/json`. */
  json?: z.ZodType;
  /** `application/x-ndjson`: the schema of each line. */
  ndjson?: z.ZodType;
  /** `text/csv`: what the rows and columns are. */
  csv?: string;
  /** Sent as a file (`Content-Disposition: attachment`). */
  attachment?: true;
  /** A redirect: where `Location` points. */
  location?: string;
}

/** The error statuses a route may answer, each in the error shape (errors.ts). */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 410, 413, 415, 429, 500] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

export interface ApiOperation {
  operationId: string;
  method: ApiMethod;
  /** The OpenAPI path template, `{name}` for a path parameter. */
  path: `/api/${string}`;
  access: ApiAccess;
  /** Opened by the browser session only: an API token never opens it. */
  sessionOnly?: true;
  tag: ApiTag;
  /** One line. */
  summary: string;
  description: string;
  /** Each path parameter and what it names. */
  params?: Record<string, string>;
  /** The query string, as the BFF parses it. */
  query?: z.ZodType;
  /** The JSON request body, as the BFF parses it. */
  body?: z.ZodType;
  responses: Partial<Record<number, ApiResponse>>;
  /**
   * The errors particular to this route. Those its access, body, query and path parameters imply
   * (401, 403, 400, 413, 415, 404, 410, 429) and 500 are added by openapi.ts.
   */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/** A path parameter as the BFF takes it: 1 to 100 characters, else 404. */
export const pathParamSchema = z.string().min(1).max(100);
