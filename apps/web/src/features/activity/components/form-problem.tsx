import { ProblemMessage } from "../../../components/ui/problem-message";
import type { SyncFormResult } from "../sync-forms";

/** Failed without saying which field: show the message above the button. */
export function FormProblem({ result, fieldNames }: { result: SyncFormResult | undefined; fieldNames: readonly string[] }) {
  if (result === undefined || result.ok) return null;
  const byField = Object.keys(result.fields).some((key) => fieldNames.includes(key));
  return byField ? null : <ProblemMessage message={result.message} requestId={result.requestId} />;
}
