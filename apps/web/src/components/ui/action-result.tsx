import type { FormProblem } from "../../lib/form-problem";
import { ProblemMessage } from "./problem-message";

/**
 * What a row's action did, said beside it: its `done` sentence, or its `problem` with the request
 * id. Any other result (e.g. a created token, shown elsewhere) says nothing here.
 */
export function ActionResult({ result }: { result: { done: string } | { problem: FormProblem } | object | undefined }) {
  if (result === undefined) return null;
  if ("done" in result && typeof result.done === "string") {
    return (
      <p role="status" className="ok">
        {result.done}
      </p>
    );
  }
  if (!("problem" in result)) return null;
  const problem = result.problem;
  return problem.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null;
}
