/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma, CR or LF, or begins or ends with
 * a space. A value a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe: activity carries text chosen by whoever made the request (a user agent, a
 * task name), and an export is often opened in a spreadsheet (OWASP "CSV injection").
 * NDJSON exports keep values exactly.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV record with the RFC's CRLF line end. */
export const csvLine = (values: readonly (string | number | boolean | null)[]): string => `${values.map(csvField).join(",")}\r\n`;
