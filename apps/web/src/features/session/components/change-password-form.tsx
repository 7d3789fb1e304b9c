import { PASSWORD_MIN_LENGTH } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { Form, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TextField } from "../../../components/ui/text-field";
import type { FormProblem } from "../../../lib/form-problem";

export type ChangePasswordResult = { changed: true } | { changed: false; problem: FormProblem };

/** The signed-in user's own password; emptied after it was changed. */
export function ChangePasswordForm({ result }: { result: ChangePasswordResult | undefined }) {
  const busy = useNavigation().state === "submitting";
  const form = useRef<HTMLFormElement>(null);
  const problem = result && !result.changed ? result.problem : undefined;
  // Before paint, so the success message never shows next to the values it just sent.
  useLayoutEffect(() => {
    if (result?.changed) form.current?.reset();
  }, [result]);
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      <p role="status" className="ok">
        {result?.changed ? "Your password was changed." : ""}
      </p>
      <Form method="post" noValidate ref={form}>
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={problem?.fields.currentPassword} />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          error={problem?.fields.newPassword}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          Change password
        </button>
      </Form>
    </section>
  );
}
