import type { CheckResult } from "@wc/contracts";
import { reasonTitle } from "../../../components/ui/troubleshooting-entry";
import { resultOf } from "../check-catalog";

/** Why a check did not pass: the troubleshooting title and Workday's answer (or why it was skipped). */
export function CheckReason({ check }: { check: CheckResult }) {
  const result = resultOf(check);
  if (result === "passed") return null;
  return (
    <>
      {result === "failed" && check.reasonCode ? <strong>{reasonTitle(check.reasonCode)}</strong> : null}
      {check.detail ? <p className="muted">{check.detail}</p> : null}
    </>
  );
}
