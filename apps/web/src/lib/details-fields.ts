import { ENDPOINT_LABELS, type EndpointKind } from "@wc/workday";

/** The details step's fields with the labels Workday and the wizard show for them. */
export const DETAILS_FIELD_LABELS = {
  clientId: "Client ID",
  clientSecret: "Client Secret",
  restApiEndpoint: ENDPOINT_LABELS.rest,
  tokenEndpoint: ENDPOINT_LABELS.token,
  authorizationEndpoint: ENDPOINT_LABELS.authorization,
  samlSso: "This tenant signs in with SAML SSO",
  clientAuthMethod: "Client authentication",
  environmentOverride: "Environment",
} as const;
export type DetailsFieldName = keyof typeof DETAILS_FIELD_LABELS;

const KIND_TO_FIELD: Record<EndpointKind, DetailsFieldName> = {
  authorization: "authorizationEndpoint",
  token: "tokenEndpoint",
  rest: "restApiEndpoint",
};

/** Reads a field named either as a request field (`tokenEndpoint`) or an endpoint kind (`token`). */
export function toDetailsField(name: string | null | undefined): DetailsFieldName | null {
  if (!name) return null;
  if (isFieldName(name)) return name;
  if (isEndpointKind(name)) return KIND_TO_FIELD[name];
  return null;
}

function isFieldName(name: string): name is DetailsFieldName {
  return Object.hasOwn(DETAILS_FIELD_LABELS, name);
}

function isEndpointKind(name: string): name is EndpointKind {
  return Object.hasOwn(KIND_TO_FIELD, name);
}

/** The id of a details input, so links such as "Go to Client Secret" can focus it. */
export const detailsInputId = (field: DetailsFieldName) => `details-${field}`;
