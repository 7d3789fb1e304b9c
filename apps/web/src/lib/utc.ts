/**
 * Activity times are shown and entered in UTC, whatever the reader's zone: Workday's requestTime
 * is UTC, and support staff compare it with logs that are too. A datetime-local input has no zone,
 * so its value is read as UTC.
 */
const INPUT_VALUE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/;
const UTC_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]00:00)$/;

/** "2026-11-21T10:00" (a datetime-local value) → "2026-11-21T10:00:00Z". Anything else is passed on as it is, for the API to reject in words. */
export function utcInputToIso(value: string): string {
  const match = INPUT_VALUE.exec(value);
  if (match === null) return value;
  return `${match[1] ?? ""}${match[2] ?? ":00"}Z`;
}

/** "2026-11-21T10:00:00.000Z" → "2026-11-21T10:00" for a datetime-local input; other values unchanged. */
export function isoToUtcInput(value: string): string {
  const match = UTC_ISO.exec(value);
  if (match === null) return value;
  const seconds = match[2];
  return seconds === undefined || seconds === "00" ? (match[1] ?? value) : `${match[1] ?? ""}:${seconds}`;
}
