// Instants as the console shows them, in the SPA and in the BFF's own messages alike.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const two = (n: number) => String(n).padStart(2, "0");

/**
 * The one way the console shows an instant: "5 Dec 2026, 14:03 UTC" (with ":05" when `seconds`).
 * Always UTC and always these English month names, whatever the reader's locale, so times read the
 * same on every page, in screenshots and in support tickets. The value itself when it is not a date.
 */
export function formatUtc(value: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${seconds ? `:${two(date.getUTCSeconds())}` : ""}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear()}, ${time} UTC`;
}
