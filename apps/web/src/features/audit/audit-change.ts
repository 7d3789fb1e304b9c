/** One changed field of an audit entry, as text. */
export interface ChangeLine {
  key: string;
  before: string | null;
  after: string | null;
}

const MAX = 80;

function show(value: unknown): string {
  if (value === null) return "none";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const json = JSON.stringify(value) ?? typeof value;
  return json.length > MAX ? `${json.slice(0, MAX - 1)}…` : json;
}

/**
 * What an entry changed, one line per field: fields in both `before` and `after` with the same
 * value are left out, so "role: support → admin" is all an admin reads for a role change.
 */
export function changeLines(before: Record<string, unknown> | null, after: Record<string, unknown> | null): ChangeLine[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const had = before !== null && key in before;
    const has = after !== null && key in after;
    const from = had ? show(before[key]) : null;
    const to = has ? show(after[key]) : null;
    if (had && has && JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    lines.push({ key, before: from, after: to });
  }
  return lines;
}
