/**
 * Which Workday account gave the consent. Workday logs every consent as an activity row with this
 * task name and the consenting account as its systemAccount (docs/workday.md §3, §4a); the
 * console only knows who pressed Connect on its side, so it reads the account from that row.
 */
export const CONSENT_TASK_NAME = "Submit OAuth 2.0 Consent (Web Service)";

/**
 * Workday logs the consent when Allow is pressed, seconds before the console exchanges the code
 * and stamps connectedAt, and the two clocks may disagree: the row is searched from this long
 * before connectedAt to this long after it.
 */
export const CONSENT_SKEW_MARGIN_MS = 5 * 60_000;

export interface ConsentWindow {
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

export function consentWindow(connectedAt: string): ConsentWindow {
  const at = Date.parse(connectedAt);
  return { from: new Date(at - CONSENT_SKEW_MARGIN_MS).toISOString(), to: new Date(at + CONSENT_SKEW_MARGIN_MS).toISOString() };
}

export interface ConsentRow {
  requestTime: string;
  systemAccount: string;
  taskDisplayName: string | null;
}

/**
 * The consent row of a connection among `rows` (any order): of the consent rows inside the
 * window, the one closest to connectedAt (the earlier on a tie). Rows carry nothing that ties
 * them to one API client for sure, so when two connections to the same tenant are made minutes
 * apart, time is what tells their consents apart; an older connection's row outside the window
 * is never taken.
 */
export function pickConsentRow<R extends ConsentRow>(rows: readonly R[], connectedAt: string): R | null {
  const w = consentWindow(connectedAt);
  const at = Date.parse(connectedAt);
  const distance = (r: R) => Math.abs(Date.parse(r.requestTime) - at);
  let best: R | null = null;
  for (const r of rows) {
    if (r.taskDisplayName !== CONSENT_TASK_NAME || r.systemAccount === "") continue;
    if (r.requestTime < w.from || r.requestTime >= w.to) continue;
    if (best === null || distance(r) < distance(best) || (distance(r) === distance(best) && r.requestTime < best.requestTime)) best = r;
  }
  return best;
}

/**
 * What is stored on the connector for its current connection (reset by every consent):
 * found, or searched in synced rows covering the whole window without a consent row.
 */
export type ConsentingAccountRecord =
  { found: true; account: string; name: string | null; at: string; source: "health_check" | "activity_sync" } | { found: false; searchedAt: string };

export type ConsentedByReason = "not_connected" | "logging_disabled" | "sync_pending" | "not_found";

export type ConsentedBy = { known: true; account: string; name?: string; at: string } | { known: false; reason: ConsentedByReason; explanation: string };

export const CONSENTED_BY_EXPLANATIONS: Record<ConsentedByReason, string> = {
  not_connected: "This connector has not been connected to Workday yet.",
  logging_disabled: "User Activity Logging is off in Workday, so Workday did not record who consented.",
  sync_pending: "The first activity sync has not finished yet; the account shows once it has.",
  not_found: "The synced activity holds no consent row from the time of this connection.",
};

const unknown = (reason: ConsentedByReason): ConsentedBy => ({ known: false, reason, explanation: CONSENTED_BY_EXPLANATIONS[reason] });

/**
 * The connector's answer. Logging off explains a missing row better than "not found", so it wins
 * over it; a found account wins over a later logging failure (the row was recorded before).
 */
export function consentedByOf(c: {
  connectedAt: string | null;
  consentingAccount: ConsentingAccountRecord | null;
  lastChecks: readonly { id: string; reasonCode: string | null }[] | null;
}): ConsentedBy {
  if (c.connectedAt === null) return unknown("not_connected");
  const rec = c.consentingAccount;
  if (rec?.found) return { known: true, account: rec.account, ...(rec.name ? { name: rec.name } : {}), at: rec.at };
  const logging = c.lastChecks?.find((r) => r.id === "activity_logging");
  if (logging?.reasonCode === "activity_logging_disabled") return unknown("logging_disabled");
  return unknown(rec ? "not_found" : "sync_pending");
}
