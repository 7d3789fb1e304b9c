import type { SyncStatus } from "@wc/contracts";
import type { ReactNode } from "react";
import { RelativeTime } from "../../../components/ui/relative-time";
import { DateTime } from "../../../components/ui/date-time";
import { formatCount } from "../../../lib/numbers";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What is stored and how fresh it is, between syncs. */
export function SyncFacts({ sync }: { sync: SyncStatus }) {
  return (
    <dl className="dl">
      <Item term="Last sync">{sync.lastSyncAt ? <RelativeTime value={sync.lastSyncAt} /> : "Never"}</Item>
      <Item term="Next sync">{sync.nextSyncAt ? <RelativeTime value={sync.nextSyncAt} /> : "Not scheduled"}</Item>
      <Item term="Lag">{sync.lagSeconds === null ? "—" : `${formatCount(Math.round(sync.lagSeconds / 60))} min`}</Item>
      <Item term="Covered until">
        <DateTime value={sync.coveredUntil} empty="Nothing stored yet" />
      </Item>
      <Item term="Rows in the last 24 h">{formatCount(sync.rowsLast24h)}</Item>
      <Item term="Rows stored">{formatCount(sync.rowsStored)}</Item>
      <Item term="Accounts">
        {formatCount(sync.accounts.count)}
        {sync.accounts.refreshedAt ? (
          <span className="muted">
            {" "}
            (list refreshed <RelativeTime value={sync.accounts.refreshedAt} />)
          </span>
        ) : null}
      </Item>
    </dl>
  );
}
