import type { Connector } from "@wc/contracts";
import { useEffect, useEffectEvent, useRef } from "react";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { StatusBadge } from "../../../components/ui/status-badge";
import { useCheckRun, type CheckStream } from "../use-check-run";
import { CheckLine } from "./check-line";

/**
 * The Done step's live proof: the checks run once when the step opens, one line per check as the
 * server finishes it, then the status they leave the connector in.
 */
export function VerifyConnection({ connector, stream }: { connector: Connector; stream?: CheckStream }) {
  const { run, start, running } = useCheckRun(connector.id, { revalidate: false, ...(stream ? { stream } : {}) });
  const started = useRef(false);
  const startOnMount = useEffectEvent(start);

  useEffect(() => {
    // Once per mount. The ref survives StrictMode's extra effect pass, which must not start a
    // second run; the run is not aborted on unmount, since the server finishes it either way.
    if (started.current) return;
    started.current = true;
    startOnMount();
  }, []);

  const checks = run.kind === "idle" ? [] : run.checks;
  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h3 id="verify-heading">Verifying the connection</h3>
      <ol className="check-lines" aria-labelledby="verify-heading">
        {checks.map((check) => (
          <CheckLine key={check.id} check={check} ticks={connector} />
        ))}
      </ol>
      <p role="status">
        {running ? "Checking…" : null}
        {run.kind === "done" ? (
          <>
            Status after the checks: <StatusBadge status={run.connector.status} />
          </>
        ) : null}
      </p>
      {run.kind === "failed" ? <ProblemMessage message={run.message} requestId={run.requestId} /> : null}
      {run.kind === "done" || run.kind === "failed" ? (
        <button type="button" onClick={start}>
          Run checks again
        </button>
      ) : null}
    </section>
  );
}
