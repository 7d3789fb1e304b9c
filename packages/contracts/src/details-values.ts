import { z } from "zod";
import type { Connector } from "./connector";
import { DETAILS_FIELDS } from "./details-fields";
import { DETAILS_FIELD_KEYS, detailsField, type DetailsFieldKey, type SecretDetailsField } from "./details-field-keys";

type Fields = typeof DETAILS_FIELDS;
type ValuesShape = { [K in DetailsFieldKey]: Fields[K]["value"] };
type BodyShape = { [K in DetailsFieldKey]: K extends SecretDetailsField ? z.ZodOptional<Fields[K]["value"]> : Fields[K]["value"] };

const shape = (piece: (key: DetailsFieldKey) => z.ZodType): Record<string, z.ZodType> => Object.fromEntries(DETAILS_FIELD_KEYS.map((key) => [key, piece(key)]));

// The casts below only restore the keys Object.fromEntries forgets: each key gets its own field's piece.

/** The details as the wizard holds them while they are typed: every field, nothing checked yet. */
export const detailsValuesSchema = z.object(shape((key) => DETAILS_FIELDS[key].value) as ValuesShape);
export type DetailsValues = z.infer<typeof detailsValuesSchema>;

/** The details the wizard sends: its values, with a secret left out to keep the saved one. */
export const detailsBodySchema = z.object(
  shape((key) => {
    const field = detailsField(key);
    return field.secret ? field.value.optional() : field.value;
  }) as BodyShape,
);
export type DetailsBody = z.infer<typeof detailsBodySchema>;

function savedValue(view: Connector, key: DetailsFieldKey): unknown {
  const field = detailsField(key);
  if (field.fromView) return field.fromView(view);
  // A secret never comes back, so it starts empty.
  if (field.view === null) return field.draft;
  // A copied value not saved yet is null in the view.
  const saved: Readonly<Record<string, unknown>> = view;
  return saved[key] ?? field.draft;
}

/** The values saved for a connector, as the wizard starts from them. */
export function savedDetailsValues(view: Connector): DetailsValues {
  return detailsValuesSchema.parse(Object.fromEntries(DETAILS_FIELD_KEYS.map((key) => [key, savedValue(view, key)])));
}
