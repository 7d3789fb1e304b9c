import type { Connector } from "./connector";
import { DETAILS_FIELD_KEYS, detailsField } from "./details-field-keys";

/**
 * What the audit log records about a connector's details, taken from what the browser may see:
 * each shown field's value, and a secret only by its last characters, so that a new secret shows
 * as a change without its value.
 */
export function auditedDetails(view: Connector): Record<string, unknown> {
  const seen: Readonly<Record<string, unknown>> = view;
  const entry: Record<string, unknown> = {};
  for (const key of DETAILS_FIELD_KEYS) {
    const field = detailsField(key);
    if (field.secret) entry[`${key}Hint`] = seen[`${key}Hint`];
    else if (field.view !== null) entry[key] = seen[key];
  }
  // Whether set by an admin or detected, the environment the saved details decided.
  entry.environment = view.environment;
  return entry;
}
