import { formatUtc } from "@wc/workday";

/** A server timestamp as "5 Dec 2026, 14:03 UTC" (formatUtc in @wc/workday), with the exact ISO value kept in `dateTime`. */
export function DateTime({ value, empty = "—", seconds = false }: { value: string | null; empty?: string; seconds?: boolean }) {
  if (value === null) return <>{empty}</>;
  if (Number.isNaN(new Date(value).getTime())) return <>{value}</>;
  return <time dateTime={value}>{formatUtc(value, { seconds })}</time>;
}
