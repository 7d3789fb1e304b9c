import { parseHostAllowList } from "@wc/workday";
import type { ApiOperation } from "./api-operation";
import { connectorDetailResponseSchema, connectorResponseSchema } from "./api";
import {
  CONNECTOR_PAGE_MAX,
  connectorListQuerySchema,
  connectorNamesQuerySchema,
  connectorNamesResponseSchema,
  listConnectorsResponseSchema,
  STATUS_SORT_ORDER,
} from "./connector-list";
import { apiErrorSchema } from "./errors";
import { checkStreamLineSchema, diagnosticsBundleSchema, oauthCallbackQuerySchema, redirectSelfTestResponseSchema, runChecksResponseSchema } from "./checks";
import {
  createConnectorRequestSchema,
  makeDetailsRequestSchema,
  startConsentRequestSchema,
  startConsentResponseSchema,
  wizardProgressRequestSchema,
} from "./details";
import { z } from "zod";

/**
 * The details request as every deployment takes it. The endpoints' hosts are checked against the
 * deployment's ALLOWED_WORKDAY_HOSTS, which a JSON Schema cannot say: GET /api/config gives them.
 */
export const detailsRequestSchema = makeDetailsRequestSchema(parseHostAllowList(""));

const NO_CONNECTOR = "`not_found`: no such connector.";
const id = { id: "The connector's id." };

/** Connectors, their wizard, consent, checks and lifecycle, and Workday's redirect back. */
export const CONNECTOR_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: "listConnectors",
    method: "GET",
    path: "/api/connectors",
    access: "support",
    tag: "Connectors",
    summary: "List connectors",
    description:
      `A page of connectors (\`limit\`, at most ${CONNECTOR_PAGE_MAX}), each with its status and when it last worked. ` +
      "Sorted by `sort` (`name`, any case; `status`, in the order " +
      `${STATUS_SORT_ORDER.join(", ")}; \`lastSuccess\`, where never counts as oldest) in \`order\`, ties by name. ` +
      "Filtered by `status` (one or several, comma-separated), `environment` and `q` (part of the name or the tenant, any case). " +
      "`total` counts the matches; `counts` counts every connector by status, whatever the filters. " +
      "Page on with `cursor` set to `nextCursor` or `prevCursor`: it carries its sort, order and filters, so it may be sent alone, or with the same ones (others are refused); " +
      "a connector that keeps its place in the order is listed exactly once, whatever else is added, changed or removed between pages. " +
      "An unknown parameter is refused.",
    query: connectorListQuerySchema,
    responses: { 200: { description: "A page of connectors.", json: listConnectorsResponseSchema } },
  },
  {
    operationId: "listConnectorNames",
    method: "GET",
    path: "/api/connector-names",
    access: "support",
    tag: "Connectors",
    summary: "List every connector's name",
    description:
      "Every connector's id and name in one answer, drafts included, sorted by name (any case) then id: for pickers and for naming the connectors " +
      "that activity, alerts and channels refer to by id. For statuses, filters or pages, use `GET /api/connectors`. Takes no parameters; one is refused.",
    query: connectorNamesQuerySchema,
    responses: { 200: { description: "Every connector's id and name.", json: connectorNamesResponseSchema } },
  },
  {
    operationId: "createConnector",
    method: "POST",
    path: "/api/connectors",
    access: "admin",
    tag: "Connectors",
    summary: "Create a connector",
    description: "A draft connector: the wizard continues with its prerequisites, the API client in Workday, the details and consent.",
    body: createConnectorRequestSchema,
    responses: { 201: { description: "Created.", json: connectorResponseSchema } },
    errors: { 409: "`conflict` with `fields.name`: a connector with this name exists." },
  },
  {
    operationId: "getConnector",
    method: "GET",
    path: "/api/connectors/{id}",
    access: "support",
    tag: "Connectors",
    summary: "Read a connector",
    description: "The connector (never its client secret or tokens) and its status timeline.",
    params: id,
    responses: { 200: { description: "The connector.", json: connectorDetailResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "deleteConnector",
    method: "DELETE",
    path: "/api/connectors/{id}",
    access: "admin",
    tag: "Connectors",
    summary: "Delete a connector",
    description: "The connector and its stored tokens are deleted; the audit log keeps its entries.",
    params: id,
    responses: { 204: { description: "Deleted." } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "saveWizardProgress",
    method: "PATCH",
    path: "/api/connectors/{id}/wizard",
    access: "admin",
    tag: "Connectors",
    summary: "Save the wizard's progress",
    description: "The furthest step reached, the ticked prerequisites and tenant setup items, and the tenant's Workday address.",
    params: id,
    body: wizardProgressRequestSchema,
    responses: { 200: { description: "Saved.", json: connectorResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "saveConnectorDetails",
    method: "PUT",
    path: "/api/connectors/{id}/details",
    access: "admin",
    tag: "Connectors",
    summary: "Save the API client's details",
    description:
      "The values copied from Workday's View API Clients page. Each endpoint's host must be allowed (`allowedWorkdayHosts` from GET /api/config). " +
      "Leave `clientSecret` out to keep the saved one. Changing the client of a connected connector drops its tokens: consent again.",
    params: id,
    body: detailsRequestSchema,
    responses: { 200: { description: "Saved.", json: connectorResponseSchema } },
    errors: {
      404: NO_CONNECTOR,
      409: "`conflict` with `fields` on each endpoint: the endpoints are for another tenant than the connector's.",
    },
  },
  {
    operationId: "startConsent",
    method: "POST",
    path: "/api/connectors/{id}/consent",
    access: "admin",
    sessionOnly: true,
    tag: "Connectors",
    summary: "Start Workday consent",
    description:
      "The URL to open (in a pop-up or by redirecting the page) where a Workday account grants the console access. Workday then redirects to the OAuth callback, " +
      "which is bound to this browser session.",
    params: id,
    body: startConsentRequestSchema,
    responses: { 200: { description: "Open `authorizationUrl`.", json: startConsentResponseSchema } },
    errors: { 404: NO_CONNECTOR, 409: "`not_ready`: the client details are missing or the saved Authorization Endpoint needs correcting." },
  },
  {
    operationId: "runChecks",
    method: "POST",
    path: "/api/connectors/{id}/checks",
    access: "admin",
    tag: "Connectors",
    summary: "Run the health checks now",
    description:
      "Token, REST API, activity logging and workers. With `Accept: application/x-ndjson` each check is streamed as it finishes, then the connector.",
    params: id,
    responses: {
      200: {
        description: "The checks' results; streamed one line each with `Accept: application/x-ndjson` (a failure mid-stream ends with an `error` line).",
        json: runChecksResponseSchema,
        ndjson: checkStreamLineSchema,
      },
    },
    errors: { 404: NO_CONNECTOR, 409: "`not_ready`: the connector is not connected to Workday." },
  },
  {
    operationId: "disconnectConnector",
    method: "POST",
    path: "/api/connectors/{id}/disconnect",
    access: "admin",
    tag: "Connectors",
    summary: "Disconnect from Workday",
    description: "Deletes the stored tokens; the connector, its details and history stay. Remove the refresh token in Workday too.",
    params: id,
    responses: { 200: { description: "Disconnected.", json: connectorResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "getDiagnostics",
    method: "GET",
    path: "/api/connectors/{id}/diagnostics",
    access: "support",
    tag: "Connectors",
    summary: "Download the diagnostics bundle",
    description: "The connector (redacted), its timeline and what its status means, for a support ticket. No secret, token or code.",
    params: id,
    responses: { 200: { description: "A JSON file.", json: diagnosticsBundleSchema, attachment: true } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "oauthCallback",
    method: "GET",
    path: "/api/oauth/connect/{id}",
    access: "public",
    tag: "OAuth",
    summary: "Workday's redirect back after consent",
    description:
      "The connector's Redirection URI, registered in Workday. Bound by `state` to the session or hand-off link that started consent; it records the outcome " +
      "and redirects at once, so the code is never shown. With `?selftest=1` alone it answers whether the URL reaches this deployment.",
    params: id,
    query: oauthCallbackQuerySchema,
    responses: {
      200: { description: "Self-test: this URL reaches this deployment's callback for an existing connector.", json: redirectSelfTestResponseSchema },
      303: { description: "Consent finished (or was refused): on to the console's or the hand-off page's completion page.", location: "The completion page." },
      404: {
        description: "Self-test for a connector that does not exist; or, in the error shape, an id that cannot be one.",
        json: z.union([redirectSelfTestResponseSchema, apiErrorSchema]),
      },
    },
  },
];
