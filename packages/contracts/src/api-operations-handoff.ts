import type { ApiOperation } from "./api-operation";
import { detailsRequestSchema } from "./api-operations-connectors";
import { checkStreamLineSchema } from "./checks";
import { startConsentRequestSchema, startConsentResponseSchema } from "./details";
import {
  createHandoffLinkRequestSchema,
  handoffLinkCreatedResponseSchema,
  handoffLinkResponseSchema,
  handoffLinksResponseSchema,
  handoffViewResponseSchema,
} from "./handoff";

const NO_CONNECTOR = "`not_found`: no such connector.";
const ALREADY_CONNECTED = "`conflict`: the connector does not need consent any more (an admin connected it meanwhile).";
const linkConnector = { id: "The link's connector's id (another connector's id is refused)." };

/** Hand-off links: the admin's side (session), and what the link's token opens (no session). */
export const HANDOFF_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: "listHandoffLinks",
    method: "GET",
    path: "/api/connectors/{id}/handoff-links",
    access: "admin",
    tag: "Hand-off links",
    summary: "List a connector's hand-off links",
    description: "Every link with its state and how far the Workday administrator got; never the token.",
    params: { id: "The connector's id." },
    responses: { 200: { description: "The links.", json: handoffLinksResponseSchema } },
    errors: { 404: NO_CONNECTOR },
  },
  {
    operationId: "createHandoffLink",
    method: "POST",
    path: "/api/connectors/{id}/handoff-links",
    access: "admin",
    tag: "Hand-off links",
    summary: "Create a hand-off link",
    description:
      "The URL, with its token in the fragment, is in this answer only. It opens the connector's details and consent until it is used, expires or is revoked.",
    params: { id: "The connector's id." },
    body: createHandoffLinkRequestSchema,
    responses: { 201: { description: "Created; send `url` to the Workday administrator.", json: handoffLinkCreatedResponseSchema } },
    errors: { 404: NO_CONNECTOR, 409: "`conflict`: the connector does not need consent (it is connected)." },
  },
  {
    operationId: "revokeHandoffLink",
    method: "DELETE",
    path: "/api/connectors/{id}/handoff-links/{linkId}",
    access: "admin",
    tag: "Hand-off links",
    summary: "Revoke a hand-off link",
    description: "The link stops opening anything at once.",
    params: { id: "The connector's id.", linkId: "The link's id." },
    responses: { 200: { description: "Revoked.", json: handoffLinkResponseSchema } },
    errors: { 404: "`not_found`: no such connector, or no such link for it.", 409: "`conflict`: the link is already used, expired or revoked." },
  },
  {
    operationId: "getHandoff",
    method: "GET",
    path: "/api/handoff",
    access: "handoff",
    tag: "Hand-off",
    summary: "What the hand-off link opens",
    description:
      "The link's connector (no secret), whether it opens setup or, after consent, the results, and the allowed Workday hosts. Takes the link's token or the results ticket.",
    responses: { 200: { description: "The hand-off view.", json: handoffViewResponseSchema } },
  },
  {
    operationId: "saveHandoffDetails",
    method: "PUT",
    path: "/api/handoff/connectors/{id}/details",
    access: "handoff",
    tag: "Hand-off",
    summary: "Save the API client's details through the link",
    description: "As PUT /api/connectors/{id}/details, with the link's token.",
    params: linkConnector,
    body: detailsRequestSchema,
    responses: { 200: { description: "Saved.", json: handoffViewResponseSchema } },
    errors: { 409: ALREADY_CONNECTED },
  },
  {
    operationId: "startHandoffConsent",
    method: "POST",
    path: "/api/handoff/connectors/{id}/consent",
    access: "handoff",
    tag: "Hand-off",
    summary: "Start Workday consent through the link",
    description: "As POST /api/connectors/{id}/consent, with the link's token. After consent the page gets a results ticket in its URL's fragment.",
    params: linkConnector,
    body: startConsentRequestSchema,
    responses: { 200: { description: "Open `authorizationUrl`.", json: startConsentResponseSchema } },
    errors: { 409: `${ALREADY_CONNECTED} \`not_ready\`: the client details are missing.` },
  },
  {
    operationId: "runHandoffChecks",
    method: "POST",
    path: "/api/handoff/connectors/{id}/checks",
    access: "handoff",
    tag: "Hand-off",
    summary: "Run the health checks after consent",
    description:
      "With the results ticket (`Authorization: Handoff-Result <ticket>`), for a short while after consent: each check streamed as it finishes, then the connector.",
    params: linkConnector,
    responses: { 200: { description: "One line per check, then the connector (or an `error` line).", ndjson: checkStreamLineSchema } },
    errors: { 409: "`not_ready`: the connector is not connected to Workday." },
  },
];
