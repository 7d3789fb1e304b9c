/**
 * Deterministic hashing for the generated tenant data. Every generated value is a pure function of
 * (seed, index, salt), so a row can be rebuilt from its index without storing it.
 */

/** murmur3's 32-bit finaliser: cheap, and every input bit affects every output bit. */
export function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines several integers into one well-mixed unsigned 32-bit value. */
export function hash(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = mix32(h ^ mix32(Math.imul(part | 0, 0x27d4eb2d) + (Math.floor(part / 0x100000000) | 0)));
  return h;
}

/** A number in [0, 1) derived from the parts. */
export function unit(...parts: readonly number[]): number {
  return hash(...parts) / 0x100000000;
}

/** FNV-1a over UTF-16 code units: turns names into seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 32 lowercase hex characters, the shape of a Workday ID (WID). */
export function hex32(...parts: readonly number[]): string {
  let out = "";
  for (let i = 0; i < 4; i++)
    out += hash(...parts, i)
      .toString(16)
      .padStart(8, "0");
  return out;
}

/** Element `index` of a non-empty list; throws instead of returning undefined. */
export function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`index ${index} outside a list of ${list.length}`);
  return value;
}

/** A deterministic choice from a non-empty list. */
export function pick<T>(list: readonly T[], ...parts: readonly number[]): T {
  return at(list, Math.floor(unit(...parts) * list.length));
}
