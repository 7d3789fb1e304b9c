import { z } from "zod";
import type { ApiOperation } from "./api-operation";
import * as activity from "./activity";
import * as api from "./api";
import * as apiTokens from "./api-tokens";
import * as connectorOperations from "./api-operations-connectors";
import * as audit from "./audit";
import * as auth from "./auth";
import * as checks from "./checks";
import * as connector from "./connector";
import * as connectorList from "./connector-list";
import * as details from "./details";
import * as errors from "./errors";
import * as handoff from "./handoff";
import * as notifications from "./notifications";
import * as policies from "./policies";
import * as statuses from "./statuses";

export type JsonSchema = z.core.JSONSchema.BaseSchema;
type Io = "input" | "output";

const COMPONENTS = "#/components/schemas/";

/**
 * Objects several answers hold, named in components/schemas so the document says "a Connector"
 * once. Everything else a response or request nests is written out where it is used.
 */
const SHARED = [
  errors.apiErrorSchema,
  connector.connectorSchema,
  connector.connectorSummarySchema,
  connector.timelineEntrySchema,
  connector.checkResultSchema,
  auth.userSchema,
  auth.sessionUserSchema,
  audit.auditEntrySchema,
  activity.activityRowSchema,
  activity.accountSchema,
  activity.syncStatusSchema,
  notifications.channelViewSchema,
  notifications.deliveryAttemptSchema,
  handoff.handoffLinkSchema,
  apiTokens.apiTokenSchema,
  policies.policyConditionViewSchema,
];

/** Request parts that recur (a policy's condition nests itself): components of their own, for requests. */
const SHARED_INPUT: z.ZodType[] = [policies.policyConditionSchema];

/** The error shape is `Error` in the document, as clients of other APIs expect. */
const RENAMED = new Map<z.ZodType, string>([[errors.apiErrorSchema, "Error"]]);

/** `connectorResponseSchema` → `ConnectorResponse`: a component is named as its schema is exported, so both read alike. */
function exportedNames(): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>(RENAMED);
  const modules = [
    activity,
    api,
    apiTokens,
    audit,
    auth,
    checks,
    connector,
    connectorList,
    connectorOperations,
    details,
    errors,
    handoff,
    notifications,
    policies,
    statuses,
  ];
  for (const module of modules) {
    for (const [key, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType) || !key.endsWith("Schema") || names.has(value)) continue;
      names.set(value, pascal(key.slice(0, -"Schema".length)));
    }
  }
  return names;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// Transforms and refinements are not JSON Schema: inputs are described before their transforms
// (io "input"), outputs carry none, and anything else that cannot be said fails the build here
// rather than turning into `{}` unnoticed. Checks across fields are said in the descriptions.
const OPTIONS = { target: "draft-2020-12", unrepresentable: "throw" } as const;

/** A component keeps only its schema: `$schema` is the document's jsonSchemaDialect, and zod's `$id` would be a fragment. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** One schema written out in full, no references (query and path parameters, headers). */
export function inlineSchema(schema: z.ZodType, io: Io): JsonSchema {
  return bare(z.toJSONSchema(schema, { ...OPTIONS, io, metadata: z.registry() }));
}

/**
 * components/schemas for the operations: every request body (io "input") and every response
 * (io "output") by name, plus SHARED; `ref` points at one of them.
 */
export function componentSchemas(operations: readonly ApiOperation[]) {
  const names = exportedNames();
  const registries = { input: z.registry<{ id: string }>(), output: z.registry<{ id: string }>() };
  const ids = new Map<z.ZodType, string>();
  const owners = new Map<string, z.ZodType>();

  const add = (schema: z.ZodType, io: Io, fallback?: string) => {
    const known = ids.get(schema);
    if (known !== undefined) {
      if (!registries[io].has(schema)) throw new Error(`${known} is both a request and a response: give each its own schema.`);
      return;
    }
    const id = names.get(schema) ?? fallback;
    if (id === undefined) throw new Error("A shared schema must be exported (its export name names it).");
    if (owners.has(id)) throw new Error(`Two schemas would be components/schemas/${id}.`);
    registries[io].add(schema, { id });
    ids.set(schema, id);
    owners.set(id, schema);
  };

  for (const schema of SHARED) add(schema, "output");
  for (const schema of SHARED_INPUT) add(schema, "input");
  for (const op of operations) {
    const base = pascal(op.operationId);
    if (op.body) add(op.body, "input", `${base}Request`);
    for (const [status, r] of Object.entries(op.responses)) {
      if (r?.json) add(r.json, "output", `${base}${status}Response`);
      if (r?.ndjson) add(r.ndjson, "output", `${base}${status}Line`);
    }
  }

  const emit = (io: Io) => {
    const out = z.toJSONSchema(registries[io], { ...OPTIONS, io, uri: (id) => `${COMPONENTS}${id}` }).schemas;
    return Object.fromEntries(Object.entries(out).map(([id, s]) => [id, bare(s)]));
  };
  const schemas: Record<string, JsonSchema> = Object.fromEntries(
    Object.entries({ ...emit("output"), ...emit("input") }).sort(([a], [b]) => a.localeCompare(b)),
  );
  const ref = (schema: z.ZodType): JsonSchema => {
    const id = ids.get(schema);
    if (id === undefined) throw new Error("A schema the document refers to is not among its components.");
    return { $ref: `${COMPONENTS}${id}` };
  };
  return { schemas, ref };
}
