import type { z } from "zod";
import type { EndpointKind, TenantConsistencyInput } from "@wc/workday";
import { DETAILS_FIELDS, type DetailsFieldKind, type DetailsFieldSpec } from "./details-fields";

type Fields = typeof DETAILS_FIELDS;
export type DetailsFieldKey = keyof Fields;
type KeysWhere<Match> = { [K in DetailsFieldKey]: Fields[K] extends Match ? K : never }[DetailsFieldKey];

export type DetailsFieldOfKind<Kind extends DetailsFieldKind> = KeysWhere<{ kind: Kind }>;
/** Copied from Workday (a value or an endpoint): typed or pasted into a text input. */
export type CopiedDetailsField = DetailsFieldOfKind<"copied" | "endpoint">;
export type EndpointDetailsField = DetailsFieldOfKind<"endpoint">;
export type SecretDetailsField = KeysWhere<{ secret: true }>;
/** Returned by the connector view under its own key, and stored as such. */
export type ShownDetailsField = KeysWhere<{ view: z.ZodType }>;

export function isDetailsField(key: unknown): key is DetailsFieldKey {
  return typeof key === "string" && Object.hasOwn(DETAILS_FIELDS, key);
}

/** A field's entry, read through the common shape so that optional properties can be asked for. */
export const detailsField = (key: DetailsFieldKey): DetailsFieldSpec => DETAILS_FIELDS[key];

/** In the table's order, which is the order the wizard shows them. */
export const DETAILS_FIELD_KEYS: readonly DetailsFieldKey[] = Object.keys(DETAILS_FIELDS).filter(isDetailsField);

export function fieldsOfKind<Kind extends DetailsFieldKind>(...kinds: Kind[]): DetailsFieldOfKind<Kind>[] {
  const wanted = new Set<DetailsFieldKind>(kinds);
  return DETAILS_FIELD_KEYS.filter((k): k is DetailsFieldOfKind<Kind> => wanted.has(detailsField(k).kind));
}

export const COPIED_DETAILS_FIELDS: readonly CopiedDetailsField[] = fieldsOfKind("copied", "endpoint");
export const SECRET_DETAILS_FIELDS: readonly SecretDetailsField[] = DETAILS_FIELD_KEYS.filter((k): k is SecretDetailsField => detailsField(k).secret);
export const SHOWN_DETAILS_FIELDS: readonly ShownDetailsField[] = DETAILS_FIELD_KEYS.filter((k): k is ShownDetailsField => detailsField(k).view !== null);

// The order endpoints are compared in, and their hosts read in: the environment's reason names the first "impl" host.
const ENDPOINT_ORDER = ["authorization", "token", "rest"] as const satisfies readonly EndpointKind[];

function fieldOfEndpoint(kind: EndpointKind): EndpointDetailsField {
  const field = fieldsOfKind("endpoint").find((k) => DETAILS_FIELDS[k].endpoint === kind);
  if (field === undefined) throw new Error(`No details field holds the ${kind} endpoint.`);
  return field;
}

/** Each endpoint field with the kind of URL it holds. */
export const ENDPOINT_FIELDS: readonly (readonly [EndpointDetailsField, EndpointKind])[] = ENDPOINT_ORDER.map((kind) => [fieldOfEndpoint(kind), kind] as const);

/** The endpoints of some details by kind, as the tenant-consistency check takes them. */
export function endpointsByKind(values: Readonly<Record<EndpointDetailsField, string | null>>): TenantConsistencyInput {
  return Object.fromEntries(ENDPOINT_FIELDS.map(([field, kind]) => [kind, values[field]]));
}
