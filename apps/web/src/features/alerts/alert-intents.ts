import { alertStatusRequestSchema } from "@wc/contracts";
import { formText, orProblem, problemFromIssues, type FormProblem } from "../../lib/form-problem";
import { setAlertStatus } from "./api/set-alert-status";

/** What the alert page says after Resolve, Dismiss or Reopen. */
export type AlertActionResult = { ok: true; message: string } | { ok: false; problem: FormProblem };

/** What a change to a status did, in a sentence's first word (one alert or many). */
export const DONE = { open: "Reopened", resolved: "Resolved", dismissed: "Dismissed" } as const;

/**
 * The status forms post the button pressed (`status`) and the note. The note is checked with the
 * contracts schema first: resolving or dismissing without one is refused before anything is sent.
 */
export async function performAlertIntent(form: FormData, id: string): Promise<AlertActionResult> {
  const parsed = alertStatusRequestSchema.safeParse({ status: formText(form, "status"), note: formText(form, "note") });
  if (!parsed.success) return { ok: false, problem: problemFromIssues(parsed.error.issues) };
  const result = await orProblem(() => setAlertStatus(id, parsed.data));
  if (!result.ok) return { ok: false, problem: result.problem };
  return { ok: true, message: `${DONE[result.value.status]} the alert.` };
}
