import { z } from "zod";
import {
  checkTenantConsistency,
  findHiddenCharacter,
  hiddenCharacterMessage,
  normaliseConnectorName,
  parseEndpoint,
  type EndpointKind,
  type HostAllowList,
} from "@wc/workday";
import { clientAuthMethodSchema, environmentSchema } from "./statuses";

function copiedValueProblem(raw: string, label: string, max: number): string | null {
  const value = raw.trim();
  if (value === "") return `${label} is required: copy it from Workday's View API Clients page.`;
  const hidden = findHiddenCharacter(raw);
  if (hidden) return hiddenCharacterMessage(label, hidden, "or copy the value again from Workday's View API Clients page");
  if (value.length > max) return `${label} is longer than ${max} characters: check that only the value was pasted.`;
  return null;
}

/**
 * A value copied from View API Clients: trimmed, then any printable characters (inner spaces too)
 * but no control, bidi, zero-width or other invisible character, which Workday would not match.
 */
const trimmed = (label: string, max: number) =>
  z.string({ error: `${label} is required.` }).transform((raw, ctx) => {
    const problem = copiedValueProblem(raw, label, max);
    if (problem === null) return raw.trim();
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  });

export const connectorNameSchema = z.string({ error: "Name is required." }).transform((raw, ctx) => {
  const r = normaliseConnectorName(raw);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  }
  return r.name;
});

export const createConnectorRequestSchema = z.object({ name: connectorNameSchema }).strict();
export type CreateConnectorRequest = z.input<typeof createConnectorRequestSchema>;

export const ENDPOINT_FIELDS = [
  ["authorizationEndpoint", "authorization"],
  ["tokenEndpoint", "token"],
  ["restApiEndpoint", "rest"],
] as const satisfies readonly (readonly [string, EndpointKind])[];

/**
 * The details step. Built per allow-list because `ALLOWED_WORKDAY_HOSTS` is deployment config:
 * the BFF builds it from its env, the SPA from `GET /api/config`, so both run the same rules.
 * `clientSecret` may be omitted only when one is already stored (the BFF enforces that).
 */
export function makeDetailsRequestSchema(allow: HostAllowList) {
  // Each endpoint is checked on its own, so one wrong field never hides the others' messages.
  const endpoint = (kind: EndpointKind, label: string) =>
    z.string({ error: `${label} is required.` }).transform((raw, ctx) => {
      const parsed = parseEndpoint(raw, kind, allow);
      if (parsed.ok) return parsed.url;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    });
  return z
    .object({
      clientId: trimmed("Client ID", 200),
      clientSecret: trimmed("Client Secret", 500).optional(),
      restApiEndpoint: endpoint("rest", "Workday REST API Endpoint"),
      tokenEndpoint: endpoint("token", "Token Endpoint"),
      authorizationEndpoint: endpoint("authorization", "Authorization Endpoint"),
      samlSso: z.boolean().default(false),
      clientAuthMethod: clientAuthMethodSchema.default("client_secret_basic"),
      environmentOverride: environmentSchema.nullable().default(null),
    })
    .strict()
    .transform((v, ctx) => {
      const consistency = checkTenantConsistency({ authorization: v.authorizationEndpoint, token: v.tokenEndpoint, rest: v.restApiEndpoint });
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
    wizardStep: z.enum(["name", "prerequisites", "tenant_setup", "register", "details", "connect", "done"]).optional(),
    prerequisites: z.record(z.string().max(64), z.boolean()).optional(),
    tenantSetup: z.record(z.string().max(64), z.boolean()).optional(),
  })
  .strict();
export type WizardProgressRequest = z.infer<typeof wizardProgressRequestSchema>;

export const startConsentRequestSchema = z.object({ mode: z.enum(["popup", "redirect"]) }).strict();
export type StartConsentRequest = z.infer<typeof startConsentRequestSchema>;

export const startConsentResponseSchema = z.object({ authorizationUrl: z.string() });
export type StartConsentResponse = z.infer<typeof startConsentResponseSchema>;
