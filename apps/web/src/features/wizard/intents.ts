import { detailsBodySchema, wizardProgressRequestSchema, wizardStepSchema } from "@wc/contracts";
import type { ApiError } from "../../lib/api-client";
import { z } from "zod";

/**
 * What the wizard's steps submit to the setup route's action (as JSON). The action parses it
 * with this schema; the BFF then validates the request bodies itself.
 */
export const wizardIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: z.string(), workdayAddress: z.string().nullable().optional() }),
  z.object({ intent: z.literal("progress"), next: wizardStepSchema, progress: wizardProgressRequestSchema }),
  z.object({ intent: z.literal("details"), details: detailsBodySchema }),
  z.object({ intent: z.literal("discard") }),
]);
export type WizardIntent = z.infer<typeof wizardIntentSchema>;

/** Reads what `useWizardSubmit` sent (JSON as text: zod's optional keys are not react-router JSON values). */
export async function readWizardIntent(request: Request): Promise<WizardIntent> {
  return wizardIntentSchema.parse(JSON.parse(await request.text()));
}

/** What a failed save gives back to the step: a message, and per-field messages to show by the fields. */
export interface WizardActionError {
  message: string;
  fields: Readonly<Record<string, string>>;
  requestId?: string | undefined;
}

/** A failed save as the step shows it. */
export function toActionError(error: ApiError): WizardActionError {
  return { message: error.message, fields: error.fields, requestId: error.requestId };
}
