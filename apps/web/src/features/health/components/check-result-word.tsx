import type { CheckResult } from "@wc/contracts";
import { RESULT_WORDS, resultOf } from "../check-catalog";

/** Passed, Failed or Skipped in words; the colour only repeats them. */
export function CheckResultWord({ check }: { check: CheckResult }) {
  const result = resultOf(check);
  return <span className={`check-result check-${result}`}>{RESULT_WORDS[result]}</span>;
}
