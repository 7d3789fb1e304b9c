import { createUserRequestSchema, resetPasswordRequestSchema, roleSchema } from "@wc/contracts";
import { formText, orProblem, problemFromIssues, type FormProblem } from "../../lib/form-problem";
import { ROLE_NAMES } from "../../lib/labels";
import { createUser } from "./api/create-user";
import { endUserSessions } from "./api/end-user-sessions";
import { removeUser } from "./api/remove-user";
import { resetUserPassword } from "./api/reset-user-password";
import { updateUser } from "./api/update-user";

export type UserIntent = "create" | "role" | "password" | "end-sessions" | "remove";

/** What the Users page shows after an action: a sentence saying what happened, or why it did not. */
export type UserActionResult = { intent: UserIntent; done: string } | { intent: UserIntent; problem: FormProblem };

const refused = (intent: UserIntent, problem: FormProblem): UserActionResult => ({ intent, problem });

async function create(form: FormData): Promise<UserActionResult> {
  const parsed = createUserRequestSchema.safeParse({
    name: formText(form, "name"),
    email: formText(form, "email"),
    role: formText(form, "role"),
    password: formText(form, "password"),
  });
  if (!parsed.success) return refused("create", problemFromIssues(parsed.error.issues));
  const result = await orProblem(() => createUser(parsed.data));
  if (!result.ok) return refused("create", result.problem);
  const { user } = result.value;
  return { intent: "create", done: `Added ${user.name} (${user.email}) as ${ROLE_NAMES[user.role]}.` };
}

async function changeRole(id: string, form: FormData): Promise<UserActionResult> {
  const role = roleSchema.safeParse(formText(form, "role"));
  if (!role.success) return refused("role", { message: "Choose Admin or Support (read-only).", fields: {} });
  const result = await orProblem(() => updateUser(id, { role: role.data }));
  if (!result.ok) return refused("role", result.problem);
  const { user } = result.value;
  return { intent: "role", done: `${user.name} is now ${ROLE_NAMES[user.role]}.` };
}

async function resetPassword(id: string, name: string, form: FormData): Promise<UserActionResult> {
  const parsed = resetPasswordRequestSchema.safeParse({ password: formText(form, "password") });
  if (!parsed.success) return refused("password", problemFromIssues(parsed.error.issues));
  const result = await orProblem(() => resetUserPassword(id, parsed.data));
  if (!result.ok) return refused("password", result.problem);
  return { intent: "password", done: `New password set for ${name}. Their sessions ended.` };
}

async function endSessions(id: string, name: string): Promise<UserActionResult> {
  const result = await orProblem(() => endUserSessions(id));
  if (!result.ok) return refused("end-sessions", result.problem);
  const n = result.value.ended;
  const done = n === 0 ? `${name} had no active sessions.` : `Ended ${n} ${n === 1 ? "session" : "sessions"} of ${name}.`;
  return { intent: "end-sessions", done };
}

async function remove(id: string, name: string): Promise<UserActionResult> {
  const result = await orProblem(() => removeUser(id));
  if (!result.ok) return refused("remove", result.problem);
  return { intent: "remove", done: `Removed ${name}.` };
}

/**
 * The Users page's forms, by their `intent`. Each checks its values with the contracts schema
 * first; the BFF's refusals (a taken email, the last admin) come back as the message to show.
 * `name` is only for the sentence that says what happened.
 */
export async function performUserIntent(form: FormData): Promise<UserActionResult> {
  const intent = form.get("intent");
  const id = formText(form, "id");
  const name = formText(form, "name");
  switch (intent) {
    case "create":
      return create(form);
    case "role":
      return changeRole(id, form);
    case "password":
      return resetPassword(id, name, form);
    case "end-sessions":
      return endSessions(id, name);
    case "remove":
      return remove(id, name);
    default:
      throw new Error("The Users page only knows the create, role, password, end-sessions and remove actions.");
  }
}
