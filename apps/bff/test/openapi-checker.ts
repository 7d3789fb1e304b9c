import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { OpenApiDocument } from "@wc/contracts";
import type { Client, Sent } from "./harness";

const DOC_ID = "https://workday-connect.invalid/openapi.json";
const pointer = (segments: string[]) => segments.map((s) => `/${encodeURIComponent(s.replaceAll("~", "~0").replaceAll("/", "~1"))}`).join("");
const mediaTypeOf = (res: Sent) => res.headers.get("content-type")?.split(";")[0]?.trim() ?? "";

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Checks real answers against the document as served: Ajv compiles its schemas from that JSON,
 * never from zod, so a BFF answer that drifts from the document fails. Records what was called.
 */
export function documentChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  // The document's own fields are not JSON Schema keywords; strict mode holds for the schemas inside.
  ajv.addVocabulary(Object.keys(doc));
  ajv.addSchema(doc, DOC_ID);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (segments: string[]) => {
    const at = pointer(segments);
    let v = compiled.get(at);
    if (!v) {
      v = ajv.getSchema(`${DOC_ID}#${at}`);
      if (!v) throw new Error(`The document has no schema at ${at}.`);
      compiled.set(at, v);
    }
    return v;
  };
  const expectValid = (name: string, segments: string[], data: unknown) => {
    const v = validator(segments);
    const valid = v(data);
    const problems = valid ? [] : (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
    expect(problems, `${name} is not as documented: ${JSON.stringify(data).slice(0, 300)}`).toEqual([]);
  };

  /** `${METHOD} ${template} ${status}` of every answer checked. */
  const answered = new Set<string>();

  /** The status, the documented headers, the media type and the body are as the document says for this operation. */
  function expectDocumented(method: string, template: string, res: Sent) {
    const name = `${method} ${template} → ${res.status}`;
    const op = doc.paths[template]?.[method.toLowerCase()];
    expect(op, `${method} ${template} is not in the document`).toBeDefined();
    const response = op?.responses[String(res.status)];
    expect(response, `${name} is not among the documented answers: ${res.text.slice(0, 300)}`).toBeDefined();
    if (!response) return;
    for (const header of Object.keys(response.headers ?? {})) {
      expect(res.headers.get(header), `${name} lacks the documented ${header} header`).not.toBeNull();
    }
    const base = ["paths", template, method.toLowerCase(), "responses", String(res.status), "content"];
    const type = mediaTypeOf(res);
    if (!response.content) {
      expect(res.text, `${name} has no documented body`).toBe("");
    } else {
      expect(Object.keys(response.content), `${name} answered ${type}`).toContain(type);
      if (type === "application/json") expectValid(name, [...base, type, "schema"], JSON.parse(res.text));
      else if (type === "application/x-ndjson") {
        const lines = res.text.split("\n").filter((l) => l !== "");
        expect(lines.length, `${name} streamed no line`).toBeGreaterThan(0);
        for (const line of lines) expectValid(name, [...base, type, "x-itemSchema"], JSON.parse(line));
      } else expectValid(name, [...base, type, "schema"], res.text);
    }
    answered.add(`${method} ${template} ${res.status}`);
  }

  /** Fills the template, sends, checks the answer against the document and returns it. */
  async function call(client: Client, method: string, template: string, o: CallOptions = {}): Promise<Sent> {
    const path = template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(o.params?.[key] ?? ""));
    const query = o.query ? `?${new URLSearchParams(o.query).toString()}` : "";
    const body = o.body ?? (method === "POST" || method === "PUT" || method === "PATCH" ? {} : undefined);
    const res = await client.send(method, path + query, body, o.headers);
    expectDocumented(method, template, res);
    return res;
  }

  const calledOperations = () => new Set([...answered].map((a) => a.split(" ").slice(0, 2).join(" ")));
  return { call, expectDocumented, answered, calledOperations };
}
