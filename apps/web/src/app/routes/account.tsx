import { changeOwnPasswordRequestSchema } from "@wc/contracts";
import { useActionData, type ActionFunctionArgs } from "react-router";
import { changePassword } from "../../features/session/api/change-password";
import { ChangePasswordForm, type ChangePasswordResult } from "../../features/session/components/change-password-form";
import { formText, orProblem, problemFromIssues } from "../../lib/form-problem";
import { ROLE_NAMES, SIGN_IN_SOURCE_NAMES } from "../../lib/labels";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

export async function accountAction({ request }: ActionFunctionArgs): Promise<ChangePasswordResult> {
  const form = await request.formData();
  const parsed = changeOwnPasswordRequestSchema.safeParse({ currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword") });
  if (!parsed.success) return { changed: false, problem: problemFromIssues(parsed.error.issues) };
  const result = await orProblem(() => changePassword(parsed.data));
  return result.ok ? { changed: true } : { changed: false, problem: result.problem };
}

/** Who is signed in, and (for a local account) a new password. */
export function AccountRoute() {
  const { user } = useRootData();
  const result = useActionData<typeof accountAction>();
  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      <PageTitle title={"Account"} />
      <h1>Account</h1>
      <dl className="dl">
        <div className="dl-row">
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div className="dl-row">
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        <div className="dl-row">
          <dt>Role</dt>
          <dd>{ROLE_NAMES[user.role]}</dd>
        </div>
        <div className="dl-row">
          <dt>Sign-in</dt>
          <dd>{SIGN_IN_SOURCE_NAMES[user.source]}</dd>
        </div>
      </dl>
      {user.source === "local" ? (
        <ChangePasswordForm result={result} />
      ) : (
        <p>You sign in with your organisation&apos;s single sign-on; change your password there.</p>
      )}
    </main>
  );
}
