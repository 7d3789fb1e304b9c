import type { Request, Response } from "express";
import type { z } from "zod";
import { AppError } from "./app-error";

/**
 * Parses with a contracts schema; failures become one 400 with a message per field. Problems with
 * the input as a whole (unknown fields, a refine over several) are named after `where`.
 */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, where: "body" | "query" = "body"): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) {
    const nul = nulFields(r.data, [], where);
    if (Object.keys(nul).length > 0) throw new AppError(400, "validation_failed", "Some fields need fixing.", nul);
    return r.data;
  }
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : where;
    fields[key] ??= issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}.` : issue.message;
  }
  throw new AppError(400, "validation_failed", "Some fields need fixing.", fields);
}

/**
 * Parses the query string. Express's simple parser turns a repeated key into an array, which no
 * query schema takes: say so by name rather than let the schema call it the wrong type.
 */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const repeated = Object.entries(req.query as Record<string, unknown>).filter(([, v]) => typeof v !== "string");
  if (repeated.length > 0) {
    throw new AppError(
      400,
      "validation_failed",
      "Some fields need fixing.",
      Object.fromEntries(repeated.map(([k]) => [k, `Give ${k} only once in the query.`])),
    );
  }
  return parseOr400(schema, req.query, "query");
}

/** A handler that receives the parsed JSON body (never re-parsed, never cast). */
export function withBody<S extends z.ZodType>(schema: S, handler: (req: Request, res: Response, body: z.output<S>) => Promise<void> | void) {
  return async (req: Request, res: Response) => {
    if (!req.is("application/json")) {
      throw new AppError(415, "validation_failed", "Send the request body as JSON (Content-Type: application/json).");
    }
    await handler(req, res, parseOr400(schema, req.body));
  };
}

/** An id no record can have (none is empty, longer than 100 or holds a NUL) is not looked up. */
export function param(req: Request, name: string): string {
  const v = req.params[name];
  if (typeof v !== "string" || v.length === 0 || v.length > 100 || v.includes("\0")) throw new AppError(404, "not_found", "Not found.");
  return v;
}

/**
 * The fields whose text holds a NUL character. PostgreSQL refuses one in text (SQLite would keep
 * it), and no name, address, note or secret has one: refused on both engines, by field.
 */
function nulFields(value: unknown, path: string[], where: string, out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === "string") {
    if (value.includes("\0")) out[path.length > 0 ? path.join(".") : where] = "Remove the NUL character (\\u0000): text cannot hold one.";
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulFields(v, [...path, String(i)], where, out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) nulFields(v, [...path, k], where, out);
  }
  return out;
}
