import type { Connector } from "@wc/contracts";
import { useState } from "react";
import { usePollWhile } from "../../lib/use-poll-while";
import { DateTime } from "./date-time";

/** The checks (seconds after consent) or the first syncs (minutes) find the account. */
const POLL_MS = 5000;
/** A connection older than this (when the page opened) whose account is still pending waits on a stuck sync: no asking. */
const FOLLOW_FOR_MS = 30 * 60_000;

/**
 * The Workday account that consented, as Workday logged it, as one row of a details list. The
 * console user who pressed Connect is another person as often as not, and every troubleshooting
 * entry is about this account (locked, disabled, missing a permission). While the first sync is
 * still due to find it, the page's loader is re-read now and then so it appears without a reload.
 */
export function ConsentingAccount({ connector }: { connector: Pick<Connector, "consentedBy" | "connectedAt"> }) {
  const by = connector.consentedBy;
  const [openedAt] = useState(() => Date.now());
  const recent = connector.connectedAt !== null && openedAt - Date.parse(connector.connectedAt) < FOLLOW_FOR_MS;
  usePollWhile(!by.known && by.reason === "sync_pending" && recent, POLL_MS, by);
  if (!by.known) {
    return (
      <div className="dl-row">
        <dt>Workday account that consented</dt>
        <dd>unknown — {by.explanation}</dd>
      </div>
    );
  }
  return (
    <div className="dl-row">
      <dt>Consented in Workday by</dt>
      <dd>
        {by.account}
        {by.name ? ` (${by.name})` : null}{" "}
        <span className="muted">
          at <DateTime value={by.at} />
        </span>
      </dd>
    </div>
  );
}
