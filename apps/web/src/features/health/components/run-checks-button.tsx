import { ProblemMessage } from "../../../components/ui/problem-message";
import type { CheckRunControl } from "../use-check-run";

/** Runs the checks now; the Checks table shows each result as it arrives. */
export function RunChecksButton({ control }: { control: CheckRunControl }) {
  const { run, start, running } = control;
  return (
    <div className="run-checks">
      <button type="button" className="button-primary" onClick={start} disabled={running} aria-busy={running || undefined}>
        Run checks now
      </button>
      <span role="status" className="muted">
        {running ? "Running checks…" : ""}
      </span>
      {run.kind === "failed" ? <ProblemMessage message={run.message} requestId={run.requestId} /> : null}
    </div>
  );
}
