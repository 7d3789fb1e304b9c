/** Longest connector name, in UTF-16 code units (what zod's max and an input's maxlength count). */
export const CONNECTOR_NAME_MAX = 64;

// C0/C1 controls, and bidi controls that could make a name display as something else.
const FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Normalises a connector name: NFC, trimmed, inner whitespace collapsed to single spaces (so names
 * that look the same are the same), then 1–{@link CONNECTOR_NAME_MAX} characters, no control characters.
 */
export function normaliseConnectorName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
  const name = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (name === "") return { ok: false, error: 'Name is required: give this connection a name, for example "Acme production".' };
  if (FORBIDDEN.test(name)) return { ok: false, error: "Name contains invisible control characters: type it again instead of pasting it." };
  if (name.length > CONNECTOR_NAME_MAX) {
    return { ok: false, error: `Name is ${name.length} characters long: use at most ${CONNECTOR_NAME_MAX}.` };
  }
  return { ok: true, name };
}
