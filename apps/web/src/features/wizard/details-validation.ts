import {
  ENDPOINT_FIELDS,
  endpointsByKind,
  isDetailsField,
  makeDetailsRequestSchema,
  type DetailsBody,
  type DetailsFieldKey,
  type DetailsValues,
  type EndpointDetailsField,
  type Environment,
} from "@wc/contracts";
import {
  checkTenantConsistency,
  effectiveAuthorizationUrl,
  guessEnvironment,
  parseEndpoint,
  type EndpointParse,
  type HostAllowList,
  type TenantConsistency,
} from "@wc/workday";
import { toDetailsField } from "../../lib/details-fields";

export type FieldMessages = Partial<Record<DetailsFieldKey, string>>;

export interface DetailsCheck {
  /** What blocks saving, by field, in words that say how to fix it. */
  errors: FieldMessages;
  /** Things that look unusual but may be right (never blocking). */
  warnings: Partial<Record<DetailsFieldKey, string[]>>;
  /** The body to send, when the contracts schema accepts the values. */
  request: DetailsBody | null;
  summary: DetailsSummary;
}

export interface DetailsSummary {
  tenant: string | null;
  environment: { value: Environment; reason: string; overridden: boolean } | null;
  effectiveAuthorizationUrl: string | null;
}

export const SECRET_REQUIRED =
  "Client Secret is required: Workday shows it only once, on the done page of Register API Client. If it is lost, use Generate New Client Secret on the API client in Workday.";

/** The values as they are, except a saved secret left empty, which is kept by leaving it out. */
function toRequest(values: DetailsValues, secretSet: boolean): DetailsBody {
  const { clientSecret, ...rest } = values;
  return secretSet && clientSecret.trim() === "" ? rest : values;
}

type ParsedEndpoint = { field: EndpointDetailsField; parsed: EndpointParse };

/** The same consistency check the schema runs last, reported on the endpoint that disagrees. */
function tenantMismatch(consistency: TenantConsistency): { field: DetailsFieldKey; message: string } | null {
  if (consistency.ok) return null;
  return {
    field: toDetailsField(consistency.field) ?? "tokenEndpoint",
    message: consistency.message ?? "The three endpoints name different tenants.",
  };
}

function summarise(values: DetailsValues, endpoints: ParsedEndpoint[], tenant: string | null): DetailsSummary {
  const hosts = endpoints.flatMap(({ parsed }) => (parsed.ok ? [parsed.host] : []));
  const guess = hosts.length > 0 ? guessEnvironment({ hosts, tenant }) : null;
  const environment = values.environmentOverride
    ? { value: values.environmentOverride, reason: "Set by you under Advanced.", overridden: true }
    : guess && { value: guess.environment, reason: guess.reason, overridden: false };
  const authorization = endpoints.find((e) => e.field === "authorizationEndpoint")?.parsed;
  return {
    tenant,
    environment,
    effectiveAuthorizationUrl: values.samlSso && authorization?.ok ? effectiveAuthorizationUrl(authorization.url, true) : null,
  };
}

/**
 * Runs the contracts schema the BFF runs, so the browser accepts exactly what the server will.
 * The schema checks endpoints only once the plain fields pass, so each endpoint is also checked on
 * its own (with the same `parseEndpoint`) to speak up as soon as it is typed.
 */
export function checkDetails(values: DetailsValues, allow: HostAllowList, secretSet: boolean): DetailsCheck {
  const result = makeDetailsRequestSchema(allow).safeParse(toRequest(values, secretSet));
  const endpoints = ENDPOINT_FIELDS.map(([field, kind]) => ({ field, parsed: parseEndpoint(values[field], kind, allow) }));
  const consistency = checkTenantConsistency(endpointsByKind(values));
  const errors: FieldMessages = {};
  const warnings: DetailsCheck["warnings"] = {};
  for (const { field, parsed } of endpoints) {
    if (!parsed.ok) errors[field] = parsed.error;
    else if (parsed.warnings.length > 0) warnings[field] = parsed.warnings;
  }
  const mismatch = endpoints.every((e) => e.parsed.ok) ? tenantMismatch(consistency) : null;
  if (mismatch) errors[mismatch.field] = mismatch.message;
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0];
    // The schema reports a tenant mismatch on the Token Endpoint; it is already shown on the odd field.
    if (isDetailsField(field) && issue.message !== mismatch?.message) errors[field] ??= issue.message;
  }
  if (!secretSet && values.clientSecret.trim() === "") errors.clientSecret = SECRET_REQUIRED;
  const request = result.success && Object.keys(errors).length === 0 ? toRequest(values, secretSet) : null;
  return { errors, warnings, request, summary: summarise(values, endpoints, consistency.tenant) };
}
