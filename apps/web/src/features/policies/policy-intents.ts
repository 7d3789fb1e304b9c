import { policyRequestSchema, type BacktestResponse, type PolicyInput, type PolicyView } from "@wc/contracts";
import { ApiError } from "../../lib/api-client";
import type { FormProblem } from "../../lib/form-problem";
import { backtestPolicy } from "./api/backtest-policy";
import { createPolicy } from "./api/create-policy";
import { deletePolicy } from "./api/delete-policy";
import { updatePolicy } from "./api/update-policy";
import { requestFromDraft, type PolicyDraft } from "./policy-draft";
import { policyProblem, splitPath } from "./policy-problem";

export type PolicyIntent = "save" | "backtest" | "delete";

/** What the policy form sends its route's action: JSON, since the condition is a tree the form's fields cannot say. */
export interface PolicySubmission {
  intent: PolicyIntent;
  draft?: PolicyDraft;
  /** Delete's confirmation and note name the policy. */
  name?: string;
}

export type PolicyActionResult =
  | { intent: "save"; ok: true; policy: PolicyView; created: boolean; message: string }
  | { intent: "backtest"; ok: true; backtest: BacktestResponse }
  | { intent: "delete"; ok: true; message: string }
  | { intent: PolicyIntent; ok: false; problem: FormProblem };

type Checked = { ok: true; request: PolicyInput; raw: unknown } | { ok: false; problem: FormProblem };

/** The form checked with the schema the BFF uses, so an unmatchable policy is refused before anything is sent. */
export function checkDraft(draft: PolicyDraft): Checked {
  const raw = requestFromDraft(draft);
  const parsed = policyRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data, raw };
  return {
    ok: false,
    problem: policyProblem(
      parsed.error.issues.map((i) => [i.path, i.message] as const),
      draft,
      raw,
    ),
  };
}

/** The BFF's refusal with its `fields` (keyed by the dotted request path) placed on the form's inputs. */
async function orRefusal<T>(
  call: () => Promise<T>,
  draft: PolicyDraft | null,
  raw: unknown,
): Promise<{ ok: true; value: T } | { ok: false; problem: FormProblem }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (draft === null) return { ok: false, problem: { message: error.message, fields: {}, requestId: error.requestId } };
    const issues = Object.entries(error.fields).map(([key, message]) => [splitPath(key), message] as const);
    return { ok: false, problem: policyProblem(issues, draft, raw, { message: error.message, requestId: error.requestId }) };
  }
}

async function save(id: string | null, draft: PolicyDraft): Promise<PolicyActionResult> {
  const checked = checkDraft(draft);
  if (!checked.ok) return { intent: "save", ok: false, problem: checked.problem };
  const { request } = checked;
  const result = await orRefusal(() => (id === null ? createPolicy(request) : updatePolicy(id, request)), draft, checked.raw);
  if (!result.ok) return { intent: "save", ok: false, problem: result.problem };
  const policy = result.value;
  const message = id === null ? `Added the policy ${policy.name}.` : `Saved ${policy.name}. Activity stored from now on is checked against this version.`;
  return { intent: "save", ok: true, policy, created: id === null, message };
}

async function backtest(draft: PolicyDraft): Promise<PolicyActionResult> {
  const checked = checkDraft(draft);
  if (!checked.ok) return { intent: "backtest", ok: false, problem: checked.problem };
  const { request } = checked;
  const result = await orRefusal(() => backtestPolicy(request), draft, checked.raw);
  return result.ok ? { intent: "backtest", ok: true, backtest: result.value } : { intent: "backtest", ok: false, problem: result.problem };
}

async function remove(id: string, name: string): Promise<PolicyActionResult> {
  const result = await orRefusal(() => deletePolicy(id), null, null);
  if (!result.ok) return { intent: "delete", ok: false, problem: result.problem };
  return { intent: "delete", ok: true, message: `Deleted the policy ${name}. Its alerts stay, under the name it had.` };
}

/** The policy page's submissions, by `intent`; `id` is null on the new-policy page. */
export async function performPolicyIntent(submission: PolicySubmission, id: string | null): Promise<PolicyActionResult> {
  const { intent, draft } = submission;
  if (intent === "delete" && id !== null) return remove(id, submission.name ?? "");
  if (draft === undefined) throw new Error("The policy form always sends its fields with save and backtest.");
  if (intent === "save") return save(id, draft);
  if (intent === "backtest") return backtest(draft);
  throw new Error("The policy page only knows the save, backtest and delete actions.");
}
