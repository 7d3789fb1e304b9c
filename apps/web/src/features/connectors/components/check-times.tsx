import type { Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { DateTime } from "../../../components/ui/date-time";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A check run that did not end in a success at the same instant failed (the BFF stamps both on a pass). */
export function lastCheckFailed(c: Pick<Connector, "lastCheckAt" | "lastSuccessAt">): boolean {
  return c.lastCheckAt !== null && (c.lastSuccessAt === null || c.lastSuccessAt < c.lastCheckAt);
}

/**
 * When the checks last ran and how that went, and when they run next. The last success is shown
 * only after a failure, where it says how long the connection has been broken; after a pass it
 * would only repeat the last check's time.
 */
export function CheckTimes({ connector }: { connector: Connector }) {
  const failed = lastCheckFailed(connector);
  return (
    <dl className="dl">
      <Row term="Last check">
        {connector.lastCheckAt === null ? (
          "Not checked yet"
        ) : (
          <>
            {failed ? "Failed at " : "Passed at "}
            <DateTime value={connector.lastCheckAt} />
          </>
        )}
      </Row>
      {failed ? (
        <Row term="Last successful check">
          <DateTime value={connector.lastSuccessAt} empty="Never succeeded" />
        </Row>
      ) : null}
      <Row term="Next check">
        <DateTime value={connector.nextCheckAt} empty="Not scheduled" />
      </Row>
    </dl>
  );
}
