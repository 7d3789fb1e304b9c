/**
 * Workday refreshes Sandbox tenants from production every week, with production's data as of
 * Friday 6:00 pm Pacific (docs/workday.md §1, a blog source: confidence C). A refresh ends every consent
 * given in the sandbox, so the console checks sandbox connectors soon after that moment.
 */
const ZONE = "America/Los_Angeles";
const FRIDAY = 5;
const REFRESH_HOUR = 18;
const DAY_MS = 24 * 3_600_000;

const zoneParts = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** The Pacific wall clock at `ms`, read as if it were UTC (so date arithmetic stays in plain numbers). */
function pacificWallClock(ms: number): number {
  const p = Object.fromEntries(zoneParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** The instant whose Pacific wall clock reads `wall` (PST or PDT, whichever applies then). */
function fromPacificWallClock(wall: number): number {
  let guess = wall;
  // Two rounds settle the offset even when the guess starts on the other side of a DST change.
  for (let i = 0; i < 2; i++) guess = wall - (pacificWallClock(guess) - guess);
  return guess;
}

/** The next Friday 6:00 pm Pacific strictly after `now`. */
export function nextSandboxRefresh(now: Date): Date {
  const wall = pacificWallClock(now.getTime());
  const today = new Date(wall);
  const friday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + ((FRIDAY - today.getUTCDay() + 7) % 7), REFRESH_HOUR);
  const at = fromPacificWallClock(friday);
  return new Date(at > now.getTime() ? at : fromPacificWallClock(friday + 7 * DAY_MS));
}

/**
 * When a sandbox connector is next checked: its regular check, or shortly after the coming weekly
 * refresh if that is sooner, so a refresh shows as "reconnect" within minutes, not a whole interval.
 */
export function sandboxAwareCheckAt(regular: Date, now: Date, afterRefreshMs: number): Date {
  const soon = nextSandboxRefresh(new Date(now.getTime() - afterRefreshMs)).getTime() + afterRefreshMs;
  return new Date(Math.min(regular.getTime(), soon));
}
