import { CHECKS } from "./checks";
import type { SetupKey } from "./prerequisites";
import { isReasonCode } from "./reason-codes";
import { TROUBLESHOOTING } from "./troubleshooting";

/** What the last checks proved about one prerequisite row or tenant switch. */
export type SetupCheckState = "verified" | "failed" | "not_checked";

interface CheckOutcome {
  id: string;
  ok: boolean;
  skipped: boolean;
  reasonCode: string | null;
}

/**
 * Reads the prerequisites off the last check run, so an admin's ticks can be compared with what
 * Workday showed: a passed check verifies every row it depends on; a failed one marks the row its
 * reason names (a missing permission, logging off) and leaves the check's other rows unproven.
 */
export function verifySetup(checks: readonly CheckOutcome[] | null): Partial<Record<SetupKey, SetupCheckState>> {
  const states: Partial<Record<SetupKey, SetupCheckState>> = {};
  for (const check of checks ?? []) {
    const definition = CHECKS.find((c) => c.id === check.id);
    if (definition === undefined || check.skipped) continue;
    if (check.ok) {
      for (const key of definition.prerequisites) if (states[key] !== "failed") states[key] = "verified";
      continue;
    }
    const row = check.reasonCode !== null && isReasonCode(check.reasonCode) ? TROUBLESHOOTING[check.reasonCode].prerequisite : undefined;
    if (row !== undefined) states[row] = "failed";
  }
  return states;
}
