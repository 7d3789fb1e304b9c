import { PASSWORD_MIN_LENGTH, type SessionResponse } from "@wc/contracts";
import { Form, Link, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import type { FormProblem } from "../../../lib/form-problem";
import { useSetupToken } from "../use-setup-token";
import { PageTitle } from "../../../components/ui/page-title";

export const MISSING_TOKEN = "The setup link is incomplete: open the link printed in the console's log when it started.";

function SetupForm({ token, problem }: { token: string; problem: FormProblem | undefined }) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" noValidate>
      <p>Create the first admin account. Admins can then add everyone else on the Users page.</p>
      <input type="hidden" name="token" value={token} />
      <TextField label="Your name" name="name" autoComplete="name" error={problem?.fields.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" error={problem?.fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
        error={problem?.fields.password}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        Create admin account
      </button>
    </Form>
  );
}

/** First-admin setup, opened from the one-time link the console prints when no account exists. */
export function SetupPage({ session, problem }: { session: SessionResponse; problem: FormProblem | undefined }) {
  const token = useSetupToken();
  if (!session.setupRequired) {
    return (
      <main id="main" tabIndex={-1} className="page auth-page">
        <PageTitle title={"Set up"} />
        <h1>Set up workday-connect</h1>
        <p>Setup is already done: an account exists.</p>
        <p>
          <Link to={paths.signIn.getHref()}>Go to sign in</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" tabIndex={-1} className="page auth-page">
      <PageTitle title={"Set up"} />
      <h1>Set up workday-connect</h1>
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      {token ? <SetupForm token={token} problem={problem} /> : <ProblemMessage message={MISSING_TOKEN} />}
    </main>
  );
}
