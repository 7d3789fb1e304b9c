import {
  checkStreamLineSchema,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  HANDOFF_RESULT_SCHEME,
  HANDOFF_SCHEME,
  handoffViewResponseSchema,
  routes,
  startConsentResponseSchema,
  type CheckStreamLine,
  type DetailsRequest,
  type StartConsentRequest,
} from "@wc/contracts";
import type { z } from "zod";
import { ApiError, errorFromResponse, invalidResponse, readJson, send } from "../../../lib/api-client";
import { postNdjson } from "../../../lib/ndjson-stream";
import { heldCredential } from "../credential";

export const NO_LINK = "This page needs the hand-off link: open the whole link the console admin sent you (it is not kept if the page is reloaded).";

function authorization(): Record<string, string> {
  const c = heldCredential();
  if (c === null) throw new ApiError({ code: "unauthenticated", status: 401, message: NO_LINK });
  return { Authorization: `${c.kind === "link" ? HANDOFF_SCHEME : HANDOFF_RESULT_SCHEME} ${c.value}` };
}

/**
 * The hand-off page's calls: the credential in the Authorization header, never a cookie (so a
 * console session in the same browser opens nothing here), the CSRF header on writes, and every
 * answer parsed with its contracts schema. A 401 is about the link, not a session.
 */
async function call<S extends z.ZodType>(method: "GET" | "PUT" | "POST", path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const headers: Record<string, string> = { Accept: "application/json", ...authorization() };
  if (method !== "GET") headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await send(path, { method, headers, credentials: "omit", ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidResponse(response.status);
  return parsed.data;
}

export const getHandoffView = () => call("GET", routes.handoff, handoffViewResponseSchema);
export const saveHandoffDetails = (id: string, details: DetailsRequest) => call("PUT", routes.handoffDetails(id), handoffViewResponseSchema, details);
export const startHandoffConsent = (id: string, body: StartConsentRequest) => call("POST", routes.handoffConsent(id), startConsentResponseSchema, body);

/** The live checks after consent, with the results ticket. */
export function streamHandoffChecks(id: string, onLine: (line: CheckStreamLine) => void) {
  return postNdjson(routes.handoffChecks(id), checkStreamLineSchema, onLine, undefined, { headers: authorization(), checksCredentials: true });
}
