import { findHiddenCharacter, hiddenCharacterMessage } from "./hidden-characters";

/** Longest connector name, in UTF-16 code units (what zod's max and an input's maxlength count). */
export const CONNECTOR_NAME_MAX = 64;

// Tabs and line breaks inside a name become single spaces below, as they always have; every
// other control, bidi, zero-width or invisible character (U+FEFF too) is refused.
const COLLAPSED = /[\t\n\v\f\r\u2028\u2029]/;

/**
 * Normalises a connector name: NFC, trimmed, inner whitespace collapsed to single spaces (so names
 * that look the same are the same), then 1–{@link CONNECTOR_NAME_MAX} characters, no hidden characters.
 */
export function normaliseConnectorName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
  const hidden = findHiddenCharacter(raw, COLLAPSED);
  if (hidden) return { ok: false, error: hiddenCharacterMessage("Name", hidden, "or type the name instead of pasting it") };
  const name = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (name === "") return { ok: false, error: 'Name is required: give this connection a name, for example "Acme production".' };
  if (name.length > CONNECTOR_NAME_MAX) {
    return { ok: false, error: `Name is ${name.length} characters long: use at most ${CONNECTOR_NAME_MAX}.` };
  }
  return { ok: true, name };
}
