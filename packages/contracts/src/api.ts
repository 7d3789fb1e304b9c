import { z } from "zod";
import { connectorSchema, timelineEntrySchema } from "./connector";

/** GET /api/health: the process answers (no store access, so it says nothing about the database). */
export const healthResponseSchema = z.object({ ok: z.literal(true) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** GET /api/openapi.json: an OpenAPI 3.1 document; only its frame is checked here (a validator checks the rest). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** Public, non-secret deployment facts the SPA needs to validate and explain. */
export const publicConfigSchema = z.object({
  publicUrl: z.string(),
  /** The raw `ALLOWED_WORKDAY_HOSTS` entries, so the SPA validates exactly like the BFF. */
  allowedWorkdayHosts: z.string(),
  version: z.string(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

export const connectorResponseSchema = z.object({ connector: connectorSchema });
export type ConnectorResponse = z.infer<typeof connectorResponseSchema>;

export const connectorDetailResponseSchema = z.object({
  connector: connectorSchema,
  timeline: z.array(timelineEntrySchema),
});
export type ConnectorDetailResponse = z.infer<typeof connectorDetailResponseSchema>;

/** Sent by the consent pop-up to its opener (checked for exact origin and this shape). */
export const consentMessageSchema = z.object({
  type: z.literal("workday-connect:consent-finished"),
  connectorId: z.string(),
  /** Workday's answer failed the state check, so nothing was recorded on the connector to re-read. */
  refused: z.literal(true).optional(),
});
export type ConsentMessage = z.infer<typeof consentMessageSchema>;
