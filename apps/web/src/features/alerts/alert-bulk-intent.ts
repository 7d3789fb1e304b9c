import { alertsStatusRequestSchema } from "@wc/contracts";
import { formText, orProblem, problemFromIssues } from "../../lib/form-problem";
import { formatCount } from "../../lib/numbers";
import { DONE, type AlertActionResult } from "./alert-intents";
import { setAlertsStatus } from "./api/set-alerts-status";

/** The list's filters a bulk change selects by (the status is `from`). */
const FILTER_FIELDS = ["policyId", "severity", "connectorId", "account"] as const;

/**
 * The bulk form posts the button pressed (`status`), the note, and as hidden fields the list's
 * filters, the status the alerts have (`from`) and how many the page showed (`count`). Only the
 * note is the admin's to fix; any other complaint is said above the form.
 */
export async function performBulkAlertIntent(form: FormData): Promise<AlertActionResult> {
  const filter: Record<string, string> = {};
  for (const name of FILTER_FIELDS) {
    const value = formText(form, name);
    if (value !== "") filter[name] = value;
  }
  const parsed = alertsStatusRequestSchema.safeParse({
    filter,
    from: formText(form, "from"),
    status: formText(form, "status"),
    note: formText(form, "note"),
    count: Number(formText(form, "count")),
  });
  if (!parsed.success) {
    const { fields } = problemFromIssues(parsed.error.issues);
    const { note, ...others } = fields;
    return { ok: false, problem: { message: Object.values(others)[0] ?? null, fields: note ? { note } : {} } };
  }
  const result = await orProblem(() => setAlertsStatus(parsed.data));
  if (!result.ok) return { ok: false, problem: result.problem };
  const n = result.value.changed;
  return { ok: true, message: `${DONE[parsed.data.status]} ${formatCount(n)} alert${n === 1 ? "" : "s"}.` };
}
