const HOUR_MS = 3_600_000;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const TIME = String.raw`(\d{2}):(\d{2}):(\d{2})`;
// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), all in GMT.
const IMF_FIXDATE = new RegExp(String.raw`^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) ${TIME} GMT$`, "i");
const RFC_850 = new RegExp(String.raw`^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) ${TIME} GMT$`, "i");
const ASCTIME = new RegExp(String.raw`^[a-z]{3} ([a-z]{3}) ([ \d]\d) ${TIME} (\d{4})$`, "i");

/**
 * Retry-After (RFC 9110 §10.2.3) as milliseconds to wait from `now`: delay-seconds or an HTTP-date,
 * clamped to 0..1 hour (a date in the past is 0) so a hostile or broken header cannot park a
 * connector. Null when the header is absent or unreadable (including "-5": delay-seconds has no
 * sign), so the caller falls back to its own backoff.
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return clamp(Number(value) * 1000);
  const at = parseHttpDate(value, now);
  return at === null ? null : clamp(at - now.getTime());
}

const clamp = (ms: number) => Math.min(Math.max(ms, 0), HOUR_MS);

function parseHttpDate(value: string, now: Date): number | null {
  let m = IMF_FIXDATE.exec(value);
  if (m) return utc(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = RFC_850.exec(value);
  if (m) return utc(String(twoDigitYear(Number(m[3]), now)), m[2], m[1], m[4], m[5], m[6]);
  m = ASCTIME.exec(value);
  if (m) return utc(m[6], m[1], m[2], m[3], m[4], m[5]);
  return null;
}

/** RFC 9110 §5.6.7: a two-digit year more than 50 years ahead is in the past century. */
function twoDigitYear(yy: number, now: Date): number {
  const year = Math.floor(now.getUTCFullYear() / 100) * 100 + yy;
  return year > now.getUTCFullYear() + 50 ? year - 100 : year;
}

function utc(year?: string, month?: string, day?: string, hour?: string, minute?: string, second?: string): number | null {
  const monthIndex = MONTHS.indexOf((month ?? "").toLowerCase());
  const [d, h, mi, s] = [day, hour, minute, second].map(Number);
  if (monthIndex < 0 || d === undefined || h === undefined || mi === undefined || s === undefined) return null;
  if (d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return Date.UTC(Number(year), monthIndex, d, h, mi, s);
}
