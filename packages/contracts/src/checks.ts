import { z } from "zod";
import type { SetupCheckState } from "@wc/workday";
import { authorizationResponseQuerySchema } from "./auth";

const SETUP_CHECK_STATES = ["verified", "failed", "not_checked"] as const satisfies readonly SetupCheckState[];
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

/** GET on the OAuth callback: Workday's authorization response, or `selftest` alone for the redirect-URI self-test. */
export const oauthCallbackQuerySchema = authorizationResponseQuerySchema.extend({ selftest: z.string().optional() });

/** The redirect-URI self-test answer: proves the URL reaches this deployment's callback route. */
export const redirectSelfTestResponseSchema = z.object({ selftest: z.literal("workday-connect"), connectorId: z.string() });

export const diagnosticsBundleSchema = z.object({
  kind: z.literal("workday-connect diagnostics"),
  generatedAt: z.string(),
  versions: z.object({ console: z.string(), node: z.string() }),
  deployment: z.object({ publicUrl: z.string() }),
  connector: connectorSchema,
  troubleshooting: z.unknown().nullable(),
  /** Each prerequisite and tenant setup item: whether the admin ticked it, and what the last checks proved. */
  setup: z.array(z.object({ key: z.string(), ticked: z.boolean(), lastCheck: z.enum(SETUP_CHECK_STATES) })),
  timeline: z.array(z.unknown()),
});
