import { CONSENT_TASK_NAME, consentWindow, pickConsentRow } from "@wc/workday";
import { recordConsentingAccount } from "../connectors";
import type { ActivityDeps } from "./activity-deps";

/** Consents in one ten-minute window of one tenant: a handful at most; this bounds the read. */
const CONSENT_ROWS_READ = 50;

/**
 * After a sync: looks for the current connection's consent row among the stored rows (no call to
 * Workday), records the account when found, and records "not found" once the synced range covers
 * the whole consent window. A found account without a worker name gets it once the account list
 * links one. Every query is a primary-key range of ten minutes, so repeating it each sync is cheap.
 */
export async function settleConsentingAccount(d: Pick<ActivityDeps, "store" | "now">, id: string): Promise<void> {
  const c = await d.store.getConnector(id);
  if (!c?.connectedAt) return;
  const rec = c.consentingAccount;
  if (rec?.found) {
    if (rec.name !== null) return;
    const name = await d.store.findAccountName(id, rec.account);
    if (name !== null) await recordConsentingAccount(d, id, c.connectedAt, { ...rec, name });
    return;
  }
  const w = consentWindow(c.connectedAt);
  const rows = await d.store.listTaskRows(id, w, CONSENT_TASK_NAME, CONSENT_ROWS_READ);
  const row = pickConsentRow(
    rows.map((r) => ({ ...r, taskDisplayName: CONSENT_TASK_NAME })),
    c.connectedAt,
  );
  if (row) {
    const found = { found: true, account: row.systemAccount, name: row.accountName, at: row.requestTime, source: "activity_sync" } as const;
    await recordConsentingAccount(d, id, c.connectedAt, found);
    return;
  }
  if (rec) return;
  const s = await d.store.getSyncState(id);
  const covered = s?.checkpointConnectedAt === c.connectedAt && s.coveredUntil !== null && s.coveredUntil >= w.to;
  if (covered) await recordConsentingAccount(d, id, c.connectedAt, { found: false, searchedAt: d.now().toISOString() });
}
