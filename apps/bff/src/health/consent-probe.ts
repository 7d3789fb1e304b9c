import { consentWindow, parseActivityPage, pickConsentRow, type ActivityRecord } from "@wc/workday";
import type { ApiAnswer } from "../workday";
import type { ConnectorRecord } from "../store/types";

/**
 * Past this, the activity sync has long stored the consent window and answers from it; the check
 * stops asking Workday, so a tenant whose consent row is never found costs no calls forever.
 */
export const CONSENT_PROBE_WINDOW_MS = 60 * 60_000;
/** One small page: the window is minutes wide, and a busy tenant is left to the sync. */
export const CONSENT_PROBE_LIMIT = 100;

const toSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Asked only while the account is unknown, soon after consent, and when the count saw activity. */
export function shouldProbeConsent(c: ConnectorRecord, now: Date): c is ConnectorRecord & { connectedAt: string } {
  if (c.connectedAt === null || c.consentingAccount?.found) return false;
  return now.getTime() - Date.parse(c.connectedAt) < CONSENT_PROBE_WINDOW_MS;
}

/** The activityLogging query for the consent window, cut at now (+1 min of skew): nothing later exists yet. */
export function consentProbeUrl(activityUrl: string, connectedAt: string, now: Date): string {
  const w = consentWindow(connectedAt);
  const fromMs = Math.floor(Date.parse(w.from) / 1000) * 1000;
  const toMs = Math.ceil(Math.min(Date.parse(w.to), now.getTime() + 60_000) / 1000) * 1000;
  const q = new URLSearchParams({ from: toSeconds(fromMs), to: toSeconds(toMs), type: "userActivity", limit: String(CONSENT_PROBE_LIMIT), offset: "0" });
  return `${activityUrl}?${q.toString()}`;
}

/**
 * The consent row in the first page of the consent window, read by the activity_logging check
 * right after its count: the answer is there seconds after consent instead of after the first
 * incremental sync. Any failure (HTTP error, network, malformed page, an exception) is "not
 * found": the check's own result never depends on it, and the sync still finds the row later.
 */
export async function probeConsentRow(
  get: (url: string) => Promise<ApiAnswer>,
  activityUrl: string,
  connectedAt: string,
  now: Date,
): Promise<ActivityRecord | null> {
  try {
    const answer = await get(consentProbeUrl(activityUrl, connectedAt, now));
    if (!answer.ok || answer.status !== 200) return null;
    const page = parseActivityPage(answer.body);
    return page.ok ? pickConsentRow(page.rows, connectedAt) : null;
  } catch {
    return null;
  }
}
