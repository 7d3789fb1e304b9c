import { z } from "zod";
import { checkResultSchema, connectorSchema } from "./connector";

export const runChecksResponseSchema = z.object({
  connector: connectorSchema,
  checks: z.array(checkResultSchema),
});
export type RunChecksResponse = z.infer<typeof runChecksResponseSchema>;

/** Streamed by `POST …/checks` with `Accept: application/x-ndjson`: one line per finished check, then the connector. */
export const checkStreamLineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("check"), check: checkResultSchema }),
  z.object({ type: z.literal("done"), connector: connectorSchema }),
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type CheckStreamLine = z.infer<typeof checkStreamLineSchema>;

/** The redirect-URI self-test answer: proves the URL reaches this deployment's callback route. */
export const redirectSelfTestResponseSchema = z.object({ selftest: z.literal("workday-connect"), connectorId: z.string() });

export const diagnosticsBundleSchema = z.object({
  kind: z.literal("workday-connect diagnostics"),
  generatedAt: z.string(),
  versions: z.object({ console: z.string(), node: z.string() }),
  deployment: z.object({ publicUrl: z.string() }),
  connector: connectorSchema,
  troubleshooting: z.unknown().nullable(),
  timeline: z.array(z.unknown()),
});
