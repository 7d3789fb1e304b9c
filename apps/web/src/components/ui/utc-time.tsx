import { formatUtc } from "../../lib/utc";

/** An instant in UTC ("2026-11-21 10:00:05"), with the exact value kept in `dateTime`. Say "UTC" in the heading or sentence around it. */
export function UtcTime({ value, seconds = true }: { value: string; seconds?: boolean }) {
  return <time dateTime={value}>{formatUtc(value, { seconds })}</time>;
}
