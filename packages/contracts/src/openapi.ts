import { z } from "zod";
import { API_TAGS, pathParamSchema, type ApiOperation, type ApiResponse, type ErrorStatus } from "./api-operation";
import { API_OPERATIONS } from "./api-operations";
import { SESSION_COOKIE } from "./auth";
import { ERROR_CODES } from "./errors";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "./routes";
import { componentSchemas, inlineSchema, type JsonSchema } from "./openapi-schemas";

export type { JsonSchema } from "./openapi-schemas";

export interface OpenApiOptions {
  /** The console's version (info.version). */
  version: string;
  /** PUBLIC_URL: the paths all start with /api. */
  serverUrl: string;
}

type Json = Record<string, unknown>;

export interface OpenApiOperation extends Json {
  operationId: string;
  responses: Record<string, Json & { content?: Record<string, Json & { schema?: JsonSchema; "x-itemSchema"?: JsonSchema }> }>;
  "x-required-role": ApiOperation["access"];
  "x-session-only"?: true;
}

export interface OpenApiDocument extends Json {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Json> };
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };
const CSRF = `${CSRF_HEADER.toUpperCase()}: ${CSRF_HEADER_VALUE}`;

const DESCRIPTION = [
  "The Workday Connect console's HTTP API: what the browser console uses, and what scripts may call with an API token.",
  "",
  `Every error answers in one shape, \`Error\`: \`error.code\` says what kind (${ERROR_CODES.map((c) => `\`${c}\``).join(", ")}), ` +
    "`error.message` what to do, `error.fields` which request field to fix, and `error.requestId` the line in the console's log.",
  "",
  "Schemas give each field's type and limits. Checks that JSON Schema cannot say (a field against another, an endpoint against the allowed Workday hosts) " +
    "are in the descriptions and enforced by the console, which answers 400 naming the field.",
  "",
  "`x-required-role` on each operation says who may call it: `public`, `support` (support or admin), `admin`, or `handoff` (a hand-off link's token). " +
    "`x-session-only: true` marks the routes an API token never opens. An `application/x-ndjson` answer sends one JSON value per line, each matching `x-itemSchema`.",
].join("\n");

/** The OpenAPI 3.1 document of every /api route, built from the operations catalogue and zod's JSON Schema output. */
export function buildOpenApiDocument(o: OpenApiOptions, operations: readonly ApiOperation[] = API_OPERATIONS): OpenApiDocument {
  const { schemas, ref } = componentSchemas(operations);
  const paths: OpenApiDocument["paths"] = {};
  const seen = new Set<string>();
  for (const op of operations) {
    const method = op.method.toLowerCase();
    for (const key of [op.operationId, `${op.method} ${op.path}`]) {
      if (seen.has(key)) throw new Error(`${key} is in the catalogue twice.`);
      seen.add(key);
    }
    const item = (paths[op.path] ??= {});
    item[method] = operation(op, ref);
  }
  const secure = new URL(o.serverUrl).protocol === "https:";
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "Workday Connect API", version: o.version, description: DESCRIPTION },
    servers: [{ url: o.serverUrl.replace(/\/+$/, "") }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas, securitySchemes: securitySchemes(secure) },
  };
}

function securitySchemes(secure: boolean): Record<string, Json> {
  return {
    sessionCookie: {
      type: "apiKey",
      in: "cookie",
      // The BFF names it so; over https the __Host- prefix pins it to this origin.
      name: `${secure ? "__Host-" : ""}${SESSION_COOKIE}`,
      description: `The browser session, set by sign-in. State-changing requests (POST, PUT, PATCH, DELETE) also need the \`${CSRF}\` header, and are refused from another origin.`,
    },
    bearerAuth: {
      type: "http",
      scheme: "bearer",
      bearerFormat: "wct_…",
      description:
        "An API token (`Authorization: Bearer wct_…`), created by an admin on the API tokens page, with the role it was given. No cookie and no " +
        `\`${CSRF}\` header are needed. Operations marked \`x-session-only\` refuse it (403), and each token has a rate limit per minute (429).`,
    },
    handoffLink: {
      type: "apiKey",
      in: "header",
      name: "Authorization",
      description:
        "A hand-off link's token, `Authorization: Handoff <token>` (the link's URL fragment); after consent through it, the results ticket, `Authorization: Handoff-Result <ticket>`.",
    },
  };
}

function operation(op: ApiOperation, ref: (schema: z.ZodType) => JsonSchema): OpenApiOperation {
  const parameters = [...pathParameters(op), ...queryParameters(op)];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\nAccess: ${accessWords(op)}`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    responses: { ...successResponses(op, ref), ...errorResponses(op) },
    security: security(op),
    "x-required-role": op.access,
    ...(op.sessionOnly ? { "x-session-only": true as const } : {}),
  };
}

function accessWords(op: ApiOperation): string {
  const who = { support: "a support user or an admin", admin: "an admin" };
  switch (op.access) {
    case "public":
      return op.sessionOnly ? "anyone, without signing in; a request with an API token is refused." : "anyone, without signing in.";
    case "handoff":
      return "a hand-off link's token (no session).";
    default:
      return op.sessionOnly ? `${who[op.access]}, signed in (an API token never opens it).` : `${who[op.access]}, signed in or with an API token.`;
  }
}

function security(op: ApiOperation): Record<string, string[]>[] {
  if (op.access === "public") return [];
  if (op.access === "handoff") return [{ handoffLink: [] }];
  return op.sessionOnly ? [{ sessionCookie: [] }] : [{ sessionCookie: [] }, { bearerAuth: [] }];
}

function pathParameters(op: ApiOperation): Json[] {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
  const described = Object.keys(op.params ?? {});
  if (names.join() !== described.join())
    throw new Error(`${op.operationId}: the path has {${names.join("}, {")}} but params describe ${described.join(", ")}.`);
  return names.map((name) => ({ name, in: "path", required: true, description: op.params?.[name], schema: inlineSchema(pathParamSchema, "input") }));
}

/** The query schema's properties, one parameter each, as the query string carries them (each once). */
function queryParameters(op: ApiOperation): Json[] {
  if (!op.query) return [];
  const json = inlineSchema(op.query, "input");
  if (json.type !== "object" || !json.properties) throw new Error(`${op.operationId}: a query schema must be an object.`);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties).map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema }));
}

const TEXT = () => inlineSchema(z.string(), "output");

function successResponses(op: ApiOperation, ref: (schema: z.ZodType) => JsonSchema): Record<string, Json> {
  return Object.fromEntries(Object.entries(op.responses).map(([status, r]) => [status, r ? response(r, ref) : {}]));
}

function response(r: ApiResponse, ref: (schema: z.ZodType) => JsonSchema): Json {
  const content: Record<string, Json> = {};
  if (r.json) content["application/json"] = { schema: ref(r.json) };
  // OpenAPI 3.1 has no schema for one line of a stream (3.2's itemSchema): the body is text, each line is x-itemSchema.
  if (r.ndjson) content["application/x-ndjson"] = { schema: TEXT(), "x-itemSchema": ref(r.ndjson) };
  if (r.csv) content["text/csv"] = { schema: { ...TEXT(), description: r.csv } };
  const headers: Record<string, Json> = {};
  if (r.attachment) headers["Content-Disposition"] = { description: '`attachment; filename="…"`: save it as a file.', schema: TEXT() };
  if (r.location) headers.Location = { description: r.location, schema: TEXT() };
  return {
    description: r.description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

/** The errors the route's access, body and query imply, then its own; a status the route answers otherwise (a self-test's 404) keeps that. */
function errorResponses(op: ApiOperation): Record<string, Json> {
  const reasons = new Map<ErrorStatus, string[]>();
  const add = (status: ErrorStatus, text: string | undefined) => {
    if (text !== undefined && op.responses[status] === undefined) reasons.set(status, [...(reasons.get(status) ?? []), text]);
  };
  const tokens = (op.access === "support" || op.access === "admin") && !op.sessionOnly;
  if (op.access === "support" || op.access === "admin") {
    add(401, tokens ? "`unauthenticated`: no session, or an API token that is unknown, expired or revoked." : "`unauthenticated`: no session.");
    if (op.access === "admin") add(403, "`forbidden`: the caller's role is not admin.");
    if (tokens) add(429, "`rate_limited`: too many requests with this API token; `Retry-After` says when to try again.");
  }
  if (op.sessionOnly) add(403, "`forbidden`: the request carries an API token, which never opens this route.");
  if (op.access === "handoff") {
    add(401, "`unauthenticated`: no hand-off credential, or not a valid one.");
    add(403, "`forbidden`: the link is for another connector, or this needs the results ticket issued at consent.");
    add(410, "`gone`: the link was used, expired or revoked, its connector was deleted, or its results are no longer shown.");
    add(429, "`rate_limited`: too many requests with this link or from this address; `Retry-After` says when to try again.");
  }
  if (op.method !== "GET") {
    const exempt = tokens ? " (a request with an API token needs neither)" : "";
    add(403, `\`csrf_rejected\`: the \`${CSRF}\` header is missing, or the request comes from another origin or site${exempt}.`);
  }
  if (op.body) {
    add(400, "`validation_failed`: `fields` maps each field to fix (`body` for the body as a whole) to what to do; or the body is not valid JSON.");
    add(413, "`payload_too_large`: the body is over 32 kB.");
    add(415, "`validation_failed`: the body is not JSON (send `Content-Type: application/json`).");
  }
  if (op.query) add(400, "`validation_failed`: `fields` maps each query parameter to fix (`query` for the query as a whole) to what to do.");
  for (const [status, text] of Object.entries(op.errors ?? {})) add(Number(status) as ErrorStatus, text);
  add(500, "`internal`: something failed on the console's side; give support the `requestId`.");
  return Object.fromEntries([...reasons].sort(([a], [b]) => a - b).map(([status, texts]) => [String(status), errorResponse(status, texts)]));
}

function errorResponse(status: ErrorStatus, texts: string[]): Json {
  return {
    description: texts.join(" "),
    ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: inlineSchema(z.number().int().min(1), "output") } } } : {}),
    content: { "application/json": { schema: ERROR_REF } },
  };
}
