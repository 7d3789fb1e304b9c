import { keyIdOfSealed, type Keyring } from "../platform/crypto/crypto";
import type { SealedRow, Store } from "../store/types";

export interface UnopenableRecords {
  /** Rows (connectors, consent attempts) holding at least one ciphertext no configured key opens. */
  records: number;
  /** Key id → how many ciphertexts name it. `unknown format` for a value that names none. */
  byKid: Map<string, number>;
}

/**
 * Which stored ciphertexts name a key the keyring does not have. Key ids only, no decryption: an id
 * is a prefix of the key's SHA-256, so a matching id means the very key (a stranger key with the
 * same id is a 2^-48 accident), and the check stays cheap however many records there are.
 */
export function unopenableRecords(rows: SealedRow[], known: ReadonlySet<string>): UnopenableRecords {
  const byKid = new Map<string, number>();
  let records = 0;
  for (const row of rows) {
    let unopenable = false;
    for (const sealed of Object.values(row.fields)) {
      const kid = keyIdOfSealed(sealed) ?? "unknown format";
      if (known.has(kid)) continue;
      unopenable = true;
      byKid.set(kid, (byKid.get(kid) ?? 0) + 1);
    }
    if (unopenable) records += 1;
  }
  return { records, byKid };
}

/** The operator's message: how many records, which key ids, and what to set. Never a value. */
export function describeUnopenable(u: UnopenableRecords, keyring: Pick<Keyring, "currentKid">): string {
  const kids = [...u.byKid].map(([kid, n]) => `${kid} (${n} value${n === 1 ? "" : "s"})`).join(", ");
  return (
    `Refusing to start: ${u.records} stored record${u.records === 1 ? "" : "s"} (connector secrets, tokens or consent attempts) ` +
    `${u.records === 1 ? "was" : "were"} encrypted with key id ${kids}, which no configured key opens (ENCRYPTION_KEY has key id ${keyring.currentKid}). ` +
    "Set ENCRYPTION_KEY to the key they were written with, or keep the new key and add the old one to ENCRYPTION_KEYS_PREVIOUS, " +
    "start again and run `pnpm --filter @wc/bff rotate-key` (docs/key-rotation.md). If that key is lost for good, set " +
    `LOST_ENCRYPTION_KEY_IDS=${[...u.byKid.keys()].join(",")} to start anyway; those connectors then need their Client Secret re-entered and a new consent. ` +
    "Nothing stored was changed."
  );
}

export type KeyCheck = { ok: true; lost: UnopenableRecords } | { ok: false; message: string };

/**
 * Refuses (with the operator's message) when a stored ciphertext names a key that is neither
 * configured nor declared lost; `lost` counts what the operator accepted will not open.
 */
export async function checkStoredKeys(
  store: Pick<Store, "listCiphertexts">,
  keyring: Pick<Keyring, "kids" | "currentKid">,
  lostKids: readonly string[] = [],
): Promise<KeyCheck> {
  const rows = await store.listCiphertexts();
  const missing = unopenableRecords(rows, new Set([...keyring.kids, ...lostKids]));
  if (missing.records > 0) return { ok: false, message: describeUnopenable(missing, keyring) };
  return { ok: true, lost: unopenableRecords(rows, keyring.kids) };
}
