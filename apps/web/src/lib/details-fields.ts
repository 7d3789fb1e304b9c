import { ENDPOINT_FIELDS, isDetailsField, type DetailsFieldKey } from "@wc/contracts";

/** Reads a field named either as a request field (`tokenEndpoint`) or an endpoint kind (`token`). */
export function toDetailsField(name: string | null | undefined): DetailsFieldKey | null {
  if (!name) return null;
  if (isDetailsField(name)) return name;
  return ENDPOINT_FIELDS.find(([, kind]) => kind === name)?.[0] ?? null;
}

/** The id of a details input, so links such as "Go to Client Secret" can focus it. */
export const detailsInputId = (field: DetailsFieldKey) => `details-${field}`;
