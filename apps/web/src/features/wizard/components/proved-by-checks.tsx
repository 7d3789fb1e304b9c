import type { SetupCheckState } from "@wc/workday";

const WORDS: Record<Exclude<SetupCheckState, "not_checked">, string> = {
  verified: "Verified by the last check",
  failed: "The last check found this missing",
};

/** Beside an admin's tick, what the connector's last checks proved about the same row. */
export function ProvedByChecks({ state }: { state: SetupCheckState | undefined }) {
  if (state === undefined || state === "not_checked") return null;
  return <p className={state === "verified" ? "proved ok" : "proved problem-text"}>{WORDS[state]}</p>;
}
