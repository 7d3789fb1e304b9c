import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_OPERATIONS, buildOpenApiDocument, connectorResponseSchema, type ApiOperation, type OpenApiDocument } from "../src";

const doc = buildOpenApiDocument({ version: "1.2.3", serverUrl: "https://console.example.com/" });
const health = API_OPERATIONS.find((op) => op.operationId === "getHealth");
const op = (over: Partial<ApiOperation>): ApiOperation => ({ ...(health as ApiOperation), ...over });
const operations = (d: OpenApiDocument) => Object.values(d.paths).flatMap((item) => Object.values(item));

/** Every `$ref` anywhere under `value`. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("when it is built, then every catalogue operation is in it once, under its path and method, with its role", () => {
    expect(
      operations(doc)
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(API_OPERATIONS.map((o) => o.operationId).sort());
    for (const o of API_OPERATIONS) {
      expect(doc.paths[o.path]?.[o.method.toLowerCase()]).toMatchObject({ operationId: o.operationId, "x-required-role": o.access });
    }
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { version: "1.2.3" }, servers: [{ url: "https://console.example.com" }] });
  });

  it("when a $ref is followed, then it names a schema in components, and every component is referred to", () => {
    const names = Object.keys(doc.components.schemas);
    const refs = new Set(refsIn(doc));
    expect([...refs].filter((r) => !names.includes(r.replace("#/components/schemas/", "")))).toEqual([]);
    expect(names.filter((n) => !refs.has(`#/components/schemas/${n}`))).toEqual([]);
    expect(names).toContain("Error");
    expect(names).toContain("Connector");
  });

  it("when a request body is described, then it is the input side of its schema (defaults optional, transforms not shown)", () => {
    const schemas = doc.components.schemas;
    expect(schemas.CreateApiTokenRequest).toMatchObject({ required: ["name", "role"], properties: { expiresInDays: { default: 90, type: "integer" } } });
    expect(schemas.CreateConnectorRequest).toMatchObject({ properties: { name: { type: "string" } }, required: ["name"] });
    expect(schemas.ConnectorResponse).toEqual({
      type: "object",
      properties: { connector: { $ref: "#/components/schemas/Connector" } },
      required: ["connector"],
      additionalProperties: false,
    });
  });

  it("when a route takes a query, then each field is a query parameter with its schema", () => {
    const params = doc.paths["/api/audit"]?.get?.parameters as { name: string; in: string; required: boolean; schema: object }[];
    expect(params.map((p) => [p.name, p.in, p.required])).toContainEqual(["limit", "query", false]);
    expect(params.find((p) => p.name === "limit")?.schema).toEqual({ default: 100, type: "integer", minimum: 1, maximum: 500 });
  });

  it("when a route is session-only, admin-only or for hand-off links, then its security and extensions say so", () => {
    const tokens = doc.paths["/api/api-tokens"]?.post;
    expect(tokens).toMatchObject({ security: [{ sessionCookie: [] }], "x-required-role": "admin", "x-session-only": true });
    expect(doc.paths["/api/connectors"]?.get).toMatchObject({ security: [{ sessionCookie: [] }, { bearerAuth: [] }], "x-required-role": "support" });
    expect(doc.paths["/api/connectors"]?.get).not.toHaveProperty("x-session-only");
    expect(doc.paths["/api/users"]?.post).toMatchObject({ security: [{ sessionCookie: [] }], "x-session-only": true });
    expect(doc.paths["/api/users"]?.post?.responses["403"]?.description).toContain("API token, which never opens this route");
    expect(doc.paths["/api/users"]?.get?.responses["429"]?.description).toContain("API token");
    expect(doc.paths["/api/handoff"]?.get).toMatchObject({ security: [{ handoffLink: [] }], "x-required-role": "handoff" });
    expect(doc.paths["/api/health"]?.get).toMatchObject({ security: [], "x-required-role": "public" });
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: "apiKey", in: "cookie", name: "__Host-wc_session", description: expect.stringContaining("X-CSRF: 1") },
      bearerAuth: { type: "http", scheme: "bearer" },
      handoffLink: { type: "apiKey", in: "header", name: "Authorization" },
    });
    const local = buildOpenApiDocument({ version: "dev", serverUrl: "http://localhost:3000" });
    expect(local.components.securitySchemes.sessionCookie?.name).toBe("wc_session");
  });

  it("when a route changes state or takes a body, then its errors include 403 csrf_rejected, 400 with fields, 413 and 415, in the Error shape", () => {
    const create = doc.paths["/api/connectors"]?.post;
    expect(Object.keys(create?.responses ?? {})).toEqual(["201", "400", "401", "403", "409", "413", "415", "429", "500"]);
    expect(create?.responses["400"]).toMatchObject({
      description: expect.stringContaining("`fields`"),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    });
    expect(create?.responses["403"]?.description).toMatch(/forbidden.*csrf_rejected/);
    expect(doc.paths["/api/handoff"]?.get?.responses["429"]).toMatchObject({ headers: { "Retry-After": {} } });
  });

  it("when a route streams or redirects, then the media types and headers say so", () => {
    expect(Object.keys(doc.paths["/api/connectors/{id}/checks"]?.post?.responses["200"]?.content ?? {})).toEqual(["application/json", "application/x-ndjson"]);
    expect(doc.paths["/api/connectors/{id}/checks"]?.post?.responses["200"]?.content?.["application/x-ndjson"]).toEqual({
      schema: { type: "string" },
      "x-itemSchema": { $ref: "#/components/schemas/CheckStreamLine" },
    });
    expect(Object.keys(doc.paths["/api/activity/export"]?.get?.responses["200"]?.content ?? {})).toEqual(["application/x-ndjson", "text/csv"]);
    expect(doc.paths["/api/auth/sso/start"]?.get?.responses["303"]).toMatchObject({ headers: { Location: {} } });
    expect(doc.paths["/api/connectors/{id}/diagnostics"]?.get?.responses["200"]).toMatchObject({ headers: { "Content-Disposition": {} } });
  });
});

describe("building from a catalogue that is wrong", () => {
  it("when a response cannot be said in JSON Schema, then building fails instead of writing {}", () => {
    const transformed = z.object({ at: z.string().transform((v) => new Date(v)) });
    expect(() => buildOpenApiDocument({ version: "x", serverUrl: "http://x" }, [op({ responses: { 200: { description: "d", json: transformed } } })])).toThrow(
      /Transforms cannot be represented|cannot be represented/,
    );
  });

  it("when a path names a parameter the operation does not describe, then building fails", () => {
    expect(() => buildOpenApiDocument({ version: "x", serverUrl: "http://x" }, [op({ path: "/api/things/{id}" })])).toThrow(/getHealth: the path has \{id\}/);
  });

  it("when two operations share a method and path, or one schema is both a request and a response, then building fails", () => {
    expect(() => buildOpenApiDocument({ version: "x", serverUrl: "http://x" }, [op({}), op({ operationId: "other" })])).toThrow(/GET \/api\/health/);
    const both = op({ method: "PUT", body: connectorResponseSchema, responses: { 200: { description: "d", json: connectorResponseSchema } } });
    expect(() => buildOpenApiDocument({ version: "x", serverUrl: "http://x" }, [both])).toThrow(/both a request and a response/);
  });
});
