import { createApiTokenRequestSchema, type ApiTokenCreatedResponse } from "@wc/contracts";
import { formText, orProblem, problemFromIssues, type FormProblem } from "../../lib/form-problem";
import { createApiToken } from "./api/create-api-token";
import { revokeApiToken } from "./api/revoke-api-token";

export type ApiTokenIntent = "create" | "revoke";

/**
 * What the API tokens page shows after an action. `created` holds the secret: it stays in this
 * answer (a fetcher's data, in memory) and nowhere else, so Done or leaving the page ends it.
 */
export type ApiTokenActionResult =
  { intent: "create"; created: ApiTokenCreatedResponse } | { intent: "revoke"; done: string } | { intent: ApiTokenIntent; problem: FormProblem };

async function create(form: FormData): Promise<ApiTokenActionResult> {
  const parsed = createApiTokenRequestSchema.safeParse({
    name: formText(form, "name"),
    role: formText(form, "role"),
    expiresInDays: Number(formText(form, "expiresInDays")),
  });
  if (!parsed.success) return { intent: "create", problem: problemFromIssues(parsed.error.issues) };
  const result = await orProblem(() => createApiToken(parsed.data));
  return result.ok ? { intent: "create", created: result.value } : { intent: "create", problem: result.problem };
}

async function revoke(id: string): Promise<ApiTokenActionResult> {
  const result = await orProblem(() => revokeApiToken(id));
  if (!result.ok) return { intent: "revoke", problem: result.problem };
  return { intent: "revoke", done: `Revoked ${result.value.token.name}: requests with it are refused from now on.` };
}

/**
 * The API tokens page's forms, by their `intent`. Create checks its values with the contracts
 * schema first; the BFF's refusals (a token already revoked) come back as the message to show.
 */
export async function performApiTokenIntent(form: FormData): Promise<ApiTokenActionResult> {
  switch (form.get("intent")) {
    case "create":
      return create(form);
    case "revoke":
      return revoke(formText(form, "id"));
    default:
      throw new Error("The API tokens page only knows the create and revoke actions.");
  }
}
