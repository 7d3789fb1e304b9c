import type { ConsentingAccountRecord } from "@wc/workday";
import type { ConnectorRecord, Store } from "../store/types";

/**
 * Stores what was learnt about the consenting account of the connection made at `connectedAt`.
 * Re-read first: a consent that landed meanwhile (another connectedAt) has reset the field for
 * its own connection, and a found account is never replaced (the health check and the sync may
 * both find it; the first stays, though its worker name may be filled in later). Returns the connector as stored afterwards.
 */
export async function recordConsentingAccount(
  d: { store: Pick<Store, "getConnector" | "updateConnector"> },
  id: string,
  connectedAt: string,
  rec: ConsentingAccountRecord,
): Promise<ConnectorRecord | null> {
  const c = await d.store.getConnector(id);
  if (!c || c.connectedAt !== connectedAt) return c;
  const current = c.consentingAccount;
  if (current?.found && !(rec.found && rec.account === current.account && current.name === null && rec.name !== null)) return c;
  if (!current?.found && !rec.found && current !== null) return c;
  return d.store.updateConnector(id, { consentingAccount: rec });
}
