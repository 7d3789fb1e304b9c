import type { Request, Response } from "express";
import type { z } from "zod";
import { AppError } from "../lib/app-error";

/** Parses with a contracts schema; failures become one 400 with a message per field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    fields[key] ??= issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}.` : issue.message;
  }
  throw new AppError(400, "validation_failed", "Some fields need fixing.", fields);
}

/** A handler that receives the parsed JSON body (never re-parsed, never cast). */
export function withBody<S extends z.ZodType>(
  schema: S,
  handler: (req: Request, res: Response, body: z.output<S>) => Promise<void> | void,
) {
  return async (req: Request, res: Response) => {
    if (!req.is("application/json")) {
      throw new AppError(415, "validation_failed", "Send the request body as JSON (Content-Type: application/json).");
    }
    await handler(req, res, parseOr400(schema, req.body));
  };
}

export function param(req: Request, name: string): string {
  const v = req.params[name];
  if (typeof v !== "string" || v.length === 0 || v.length > 100) throw new AppError(404, "not_found", "Not found.");
  return v;
}
