import { z } from "zod";
import { DETAILS_FIELDS } from "./details-fields";
import { COPIED_DETAILS_FIELDS, SECRET_DETAILS_FIELDS, SHOWN_DETAILS_FIELDS, type SecretDetailsField, type ShownDetailsField } from "./details-field-keys";

type Fields = typeof DETAILS_FIELDS;
/** What the connector view says about a secret instead of its value. */
type SecretShape = { [K in SecretDetailsField as `${K}Set`]: z.ZodBoolean } & { [K in SecretDetailsField as `${K}Hint`]: z.ZodNullable<z.ZodString> };
type DetailsViewShape = { [K in ShownDetailsField]: Fields[K]["view"] } & SecretShape;

function detailsViewShape(): DetailsViewShape {
  const shape: Record<string, z.ZodType> = {};
  for (const key of SHOWN_DETAILS_FIELDS) shape[key] = DETAILS_FIELDS[key].view;
  for (const key of SECRET_DETAILS_FIELDS) {
    shape[`${key}Set`] = z.boolean();
    // The last four characters, so an admin can tell which secret is saved.
    shape[`${key}Hint`] = z.string().nullable();
  }
  // A string-keyed record to the typed shape: the loops above give each key its own field's piece.
  return shape as DetailsViewShape;
}

/** The details fields of the connector view: each shown field as itself, each secret only as whether it is set. */
export const DETAILS_VIEW_SHAPE = detailsViewShape();
const detailsViewSchema = z.object(DETAILS_VIEW_SHAPE);
export type DetailsView = z.infer<typeof detailsViewSchema>;
export type ShownDetails = Pick<DetailsView, ShownDetailsField>;

/** Only the shown details fields of a stored connector or a view, which may hold anything else besides. */
export function shownDetailsOf(source: ShownDetails): ShownDetails {
  // Object.fromEntries keys its result by string; each key is copied from a source of the same type.
  return Object.fromEntries(SHOWN_DETAILS_FIELDS.map((key) => [key, source[key]])) as ShownDetails;
}

/** The view of details never saved: copied values missing, the others at their defaults, no secret. */
export function unsavedDetailsView(): DetailsView {
  const copied = new Set<string>(COPIED_DETAILS_FIELDS);
  const view: Record<string, unknown> = {};
  for (const key of SHOWN_DETAILS_FIELDS) view[key] = copied.has(key) ? null : DETAILS_FIELDS[key].draft;
  for (const key of SECRET_DETAILS_FIELDS) {
    view[`${key}Set`] = false;
    view[`${key}Hint`] = null;
  }
  return detailsViewSchema.parse(view);
}
