import { secretAad } from "./secrets";
import type { CiphertextSwap, SealedField, SealedRow, Store } from "../store/types";
import { keyIdOfSealed, type Keyring } from "../platform/crypto/crypto";

export interface RotationFailure {
  table: SealedRow["table"];
  id: string;
  field: SealedField;
}

export interface RotationSummary {
  rowsScanned: number;
  reEncrypted: number;
  alreadyCurrent: number;
  /** Changed by someone else between read and write (e.g. a token refresh); left as they are. */
  changedConcurrently: number;
  failed: RotationFailure[];
  interrupted: boolean;
}

/** The associated data each field was sealed with (workday/secrets.ts). */
export function aadFor(row: SealedRow, field: SealedField): string {
  return secretAad(row.connectorId, field);
}

/**
 * Re-seals every ciphertext not under the keyring's current key, one row per store transaction,
 * so an interrupted run can simply be run again. Values that do not decrypt are reported by row
 * and field only; the rest are still rotated.
 */
export async function rotateCiphertexts(
  store: Pick<Store, "listCiphertexts" | "replaceCiphertexts">,
  keyring: Keyring,
  signal?: AbortSignal,
): Promise<RotationSummary> {
  const summary: RotationSummary = { rowsScanned: 0, reEncrypted: 0, alreadyCurrent: 0, changedConcurrently: 0, failed: [], interrupted: false };
  for (const row of await store.listCiphertexts()) {
    if (signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    summary.rowsScanned += 1;
    const swaps = resealRow(row, keyring, summary);
    if (swaps.length === 0) continue;
    const replaced = await store.replaceCiphertexts(row, swaps);
    summary.reEncrypted += replaced;
    summary.changedConcurrently += swaps.length - replaced;
  }
  return summary;
}

function resealRow(row: SealedRow, keyring: Keyring, summary: RotationSummary): CiphertextSwap[] {
  const swaps: CiphertextSwap[] = [];
  for (const [field, sealed] of Object.entries(row.fields) as [SealedField, string][]) {
    if (keyIdOfSealed(sealed) === keyring.currentKid) {
      summary.alreadyCurrent += 1;
      continue;
    }
    const aad = aadFor(row, field);
    let plaintext: string;
    try {
      plaintext = keyring.decrypt(sealed, aad);
    } catch {
      summary.failed.push({ table: row.table, id: row.id, field });
      continue;
    }
    swaps.push({ field, expected: sealed, next: keyring.encrypt(plaintext, aad) });
  }
  return swaps;
}

/** Human-readable report: counts plus the row and field of each failure, never a value. */
export function formatRotationSummary(s: RotationSummary): string {
  const lines = [
    `rows scanned: ${s.rowsScanned}`,
    `fields re-encrypted: ${s.reEncrypted}`,
    `already current: ${s.alreadyCurrent}`,
    `changed concurrently (rerun to pick up): ${s.changedConcurrently}`,
    `failed: ${s.failed.length}`,
    ...s.failed.map((f) => `  - ${f.table} ${f.id} ${f.field}: does not decrypt with the configured keys`),
  ];
  if (s.interrupted) lines.push("interrupted: run rotate-key again to finish");
  return lines.join("\n");
}
