import { STATUS_LABELS } from "@wc/contracts";
import { ProblemMessage } from "../../../components/ui/problem-message";
import type { CheckRun, CheckRunControl } from "../use-check-run";

/** What the polite live region beside the button says, so the result is heard and seen where the button is. */
function summaryOf(run: CheckRun): string {
  if (run.kind === "running") return "Running checks…";
  if (run.kind !== "done") return "";
  const passed = run.checks.filter((c) => c.ok).length;
  return `Checks finished: ${passed} of ${run.checks.length} passed. Status: ${STATUS_LABELS[run.connector.status]}.`;
}

/** Runs the checks now; the Checks table shows each result as it arrives, and the summary lands beside the button. */
export function RunChecksButton({ control }: { control: CheckRunControl }) {
  const { run, start, running } = control;
  return (
    <div className="run-checks">
      <button type="button" className="button-primary" onClick={start} disabled={running} aria-busy={running || undefined}>
        Run checks now
      </button>
      <span role="status" className="muted">
        {summaryOf(run)}
      </span>
      {run.kind === "failed" ? <ProblemMessage message={run.message} requestId={run.requestId} /> : null}
    </div>
  );
}
