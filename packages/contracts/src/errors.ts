import { z } from "zod";

/**
 * The one error shape of every BFF route. `fields` maps a request field to a message that says
 * how to fix it; `requestId` lets support find the log line. Upstream bodies are never echoed.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export const ERROR_CODES = [
  "validation_failed",
  "not_found",
  "conflict",
  "csrf_rejected",
  "unauthenticated",
  "forbidden",
  "payload_too_large",
  "rate_limited",
  /** A hand-off link that was used, expired or revoked (410). */
  "gone",
  "not_ready",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
