/**
 * Characters that cannot be seen, or that change how the text around them is shown, in the values
 * an admin pastes (names, client id and secret, endpoints). They arrive with copies from chats,
 * documents and web pages; stored, they make a value differ from what everyone sees (a client id
 * Workday rejects, an endpoint host that only looks allowed, a name that looks like another).
 */

export type HiddenKind = "control" | "direction" | "invisible" | "line_break" | "surrogate";

export interface HiddenCharacter {
  kind: HiddenKind;
  codePoint: number;
  /** 1-based, in characters (code points) of the value as sent, so it matches what the admin pasted. */
  position: number;
  /** How many more such characters follow the first. */
  more: number;
}

// Bidi marks, embeddings, overrides and isolates: they reorder the text around them on screen.
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const NAMES: Partial<Record<number, string>> = {
  0x00: "NUL",
  0x09: "tab",
  0x0a: "line feed",
  0x0d: "carriage return",
  0x7f: "delete",
  0x85: "next line",
  0xad: "soft hyphen",
  0x061c: "Arabic letter mark",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0xfeff: "zero-width no-break space",
};

function kindOf(ch: string, codePoint: number): HiddenKind | null {
  // A code point iterator yields a lone surrogate as itself; a valid pair is one code point above U+FFFF.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return "surrogate";
  if (DIRECTION.test(ch)) return "direction";
  if (/\p{Cc}/u.test(ch)) return "control";
  // Format characters: zero-width space/joiners, word joiner, U+FEFF, soft hyphen, tag characters.
  if (/\p{Cf}/u.test(ch)) return "invisible";
  if (ch === "\u2028" || ch === "\u2029") return "line_break";
  return null;
}

/**
 * The first hidden character in `raw`, ignoring the ends that trimming (`String#trim`) removes and
 * any character `ignore` matches (e.g. the line breaks a name collapses into spaces).
 */
export function findHiddenCharacter(raw: string, ignore?: RegExp): HiddenCharacter | null {
  const lead = raw.length - raw.trimStart().length;
  let position = [...raw.slice(0, lead)].length;
  let found: HiddenCharacter | null = null;
  for (const ch of raw.trim()) {
    position += 1;
    const codePoint = ch.codePointAt(0) ?? 0;
    const kind = ignore?.test(ch) ? null : kindOf(ch, codePoint);
    if (kind === null) continue;
    if (found === null) found = { kind, codePoint, position, more: 0 };
    else found.more += 1;
  }
  return found;
}

const KIND_WORDS: Record<HiddenKind, string> = {
  control: "the control character",
  direction: "the invisible text-direction character",
  invisible: "the invisible character",
  line_break: "the invisible line break",
  surrogate: "a broken character (half of a UTF-16 surrogate pair)",
};

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Names what was found and where, e.g. "Client ID contains the invisible character U+200B
 * (zero-width space) at position 7: remove it, …". Never quotes the value: it may be a secret.
 */
export function hiddenCharacterMessage(label: string, found: HiddenCharacter, fix: string): string {
  const name = NAMES[found.codePoint];
  const what = `${KIND_WORDS[found.kind]} ${codePointLabel(found.codePoint)}${name === undefined ? "" : ` (${name})`}`;
  const more = found.more === 0 ? "" : ` and ${found.more} more after it`;
  return `${label} contains ${what} at position ${found.position}${more}: remove ${found.more === 0 ? "it" : "them"}, ${fix}.`;
}
