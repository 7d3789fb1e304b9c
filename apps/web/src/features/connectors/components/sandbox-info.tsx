import { useState } from "react";
import type { Connector } from "@wc/contracts";
import { nextSandboxRefresh } from "@wc/workday";
import { RelativeTime } from "../../../components/ui/relative-time";
import { SANDBOX_NOTE } from "../../../lib/labels";

/**
 * Sandboxes break on Workday's weekly refresh: say so, when the next one is due (Friday 6 pm
 * Pacific), and how long ago consent last succeeded.
 */
export function SandboxInfo({ connector }: { connector: Connector }) {
  const [refresh] = useState(() => nextSandboxRefresh(new Date()).toISOString());
  return (
    <>
      <p className="note">{SANDBOX_NOTE}</p>
      <p>
        Next weekly refresh (Friday 6:00 pm Pacific): <RelativeTime value={refresh} />. The console checks the connection within 30 minutes of it.
      </p>
      <p>Last successful consent: {connector.connectedAt ? <RelativeTime value={connector.connectedAt} /> : "none yet"}</p>
    </>
  );
}
