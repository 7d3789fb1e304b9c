import type { Connector } from "@wc/contracts";
import { RelativeTime } from "../../../components/ui/relative-time";
import { SANDBOX_NOTE } from "../../../lib/labels";

/** Sandboxes break on Workday's weekly refresh: say so, and how long ago consent last succeeded. */
export function SandboxInfo({ connector }: { connector: Connector }) {
  return (
    <>
      <p className="note">{SANDBOX_NOTE}</p>
      <p>Last successful consent: {connector.connectedAt ? <RelativeTime value={connector.connectedAt} /> : "none yet"}</p>
    </>
  );
}
