import { z } from "zod";
import { checkTenantConsistency, normaliseConnectorName, type HostAllowList } from "@wc/workday";
import { DETAILS_FIELDS } from "./details-fields";
import { DETAILS_FIELD_KEYS, ENDPOINT_FIELDS, endpointsByKind, type DetailsFieldKey } from "./details-field-keys";
import { wizardStepSchema } from "./statuses";

export const connectorNameSchema = z.string({ error: "Name is required." }).transform((raw, ctx) => {
  const r = normaliseConnectorName(raw);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  }
  return r.name;
});

/** Any Workday page's address; the server reads the tenant's site and tenant name from it (null or "" for none). */
const workdayAddressSchema = z.string().max(2000, "Workday address is too long: paste only the address of a Workday page.").nullable().optional();

export const createConnectorRequestSchema = z.object({ name: connectorNameSchema, workdayAddress: workdayAddressSchema }).strict();
export type CreateConnectorRequest = z.input<typeof createConnectorRequestSchema>;

type RequestShape = { [K in DetailsFieldKey]: ReturnType<(typeof DETAILS_FIELDS)[K]["request"]> };

function requestShape(allow: HostAllowList): RequestShape {
  const shape = Object.fromEntries(DETAILS_FIELD_KEYS.map((key) => [key, DETAILS_FIELDS[key].request(DETAILS_FIELDS[key].label, allow)]));
  // Object.fromEntries keys its result by string; each key above holds its own field's piece.
  return shape as RequestShape;
}

/**
 * The details step. Built per allow-list because `ALLOWED_WORKDAY_HOSTS` is deployment config:
 * the BFF builds it from its env, the SPA from `GET /api/config`, so both run the same rules.
 * `clientSecret` may be omitted only when one is already stored (the BFF enforces that).
 */
export function makeDetailsRequestSchema(allow: HostAllowList) {
  return z
    .object(requestShape(allow))
    .strict()
    .transform((v, ctx) => {
      const consistency = checkTenantConsistency(endpointsByKind(v));
      if (consistency.ok) return v;
      const field = ENDPOINT_FIELDS.find(([, kind]) => kind === consistency.field)?.[0] ?? "tokenEndpoint";
      ctx.addIssue({ code: "custom", path: [field], message: consistency.message ?? "The three endpoints name different tenants." });
      return z.NEVER;
    });
}
export type DetailsRequest = z.input<ReturnType<typeof makeDetailsRequestSchema>>;
export type DetailsParsed = z.output<ReturnType<typeof makeDetailsRequestSchema>>;

export const wizardProgressRequestSchema = z
  .object({
    wizardStep: wizardStepSchema.optional(),
    prerequisites: z.record(z.string().max(64), z.boolean()).optional(),
    tenantSetup: z.record(z.string().max(64), z.boolean()).optional(),
    workdayAddress: workdayAddressSchema,
  })
  .strict();
export type WizardProgressRequest = z.infer<typeof wizardProgressRequestSchema>;

export const startConsentRequestSchema = z.object({ mode: z.enum(["popup", "redirect"]) }).strict();
export type StartConsentRequest = z.infer<typeof startConsentRequestSchema>;

export const startConsentResponseSchema = z.object({ authorizationUrl: z.string() });
export type StartConsentResponse = z.infer<typeof startConsentResponseSchema>;
