import { fieldLabel, valueText } from "./audit-labels";

/** One changed field of an audit entry, in words. */
export interface ChangeLine {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
  /** The whole line as shown: "Role: Support (read-only) → Admin", "Status: Connected → cleared". */
  text: string;
}

/**
 * "→ cleared" when the field went away in a change; "was …" when the entry recorded only the state
 * before (a deletion, or the status a check run started from), so nothing reads as if it were removed.
 */
function lineText(label: string, before: string | null, after: string | null, onlyBefore: boolean): string {
  if (before === null) return `${label}: ${after ?? ""}`;
  if (after !== null) return `${label}: ${before} → ${after}`;
  return onlyBefore ? `${label}: was ${before}` : `${label}: ${before} → cleared`;
}

/**
 * What an entry changed, one line per field: fields in both `before` and `after` with the same
 * value are left out, so "Role: Support (read-only) → Admin" is all an admin reads for a role change.
 */
export function changeLines(before: Record<string, unknown> | null, after: Record<string, unknown> | null): ChangeLine[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const had = before !== null && key in before;
    const has = after !== null && key in after;
    if (had && has && JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const label = fieldLabel(key);
    const from = had ? valueText(key, before[key]) : null;
    const to = has ? valueText(key, after[key]) : null;
    lines.push({ key, label, before: from, after: to, text: lineText(label, from, to, after === null) });
  }
  return lines;
}
