import type { SessionResponse } from "@wc/contracts";
import { Form, Link, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import type { FormProblem } from "../../../lib/form-problem";
import { PageTitle } from "../../../components/ui/page-title";

export const SETUP_HINT = "No account exists yet. Open the one-time setup link printed in the console's log when it started.";

/** "Sign in with Okta": the provider's name as configured, or a plain default. */
export function ssoButtonText(label: string): string {
  const name = label.trim();
  return name ? `Sign in with ${name}` : "Sign in with single sign-on";
}

interface Props {
  session: SessionResponse;
  /** A safe path on this console, already checked. */
  returnTo: string;
  /** Why single sign-on failed, as the BFF put it in `?error=`. */
  ssoError: string | null;
  problem: FormProblem | undefined;
}

export function SignInPage({ session, returnTo, ssoError, problem }: Props) {
  const busy = useNavigation().state === "submitting";
  if (session.user) {
    return (
      <main id="main" tabIndex={-1} className="page auth-page">
        <PageTitle title={"Sign in"} />
        <h1>Sign in to workday-connect</h1>
        <p>You are signed in as {session.user.name}.</p>
        <p>
          <Link to={returnTo}>Continue</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" tabIndex={-1} className="page auth-page">
      <PageTitle title={"Sign in"} />
      <h1>Sign in to workday-connect</h1>
      {session.setupRequired ? <p className="note">{SETUP_HINT}</p> : null}
      {ssoError ? <ProblemMessage message={ssoError} /> : null}
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      <Form method="post" noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="username" error={problem?.fields.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" error={problem?.fields.password} />
        <button type="submit" className="button-primary" disabled={busy}>
          Sign in
        </button>
      </Form>
      {session.sso.enabled ? (
        <p className="sso">
          {/* A full-page navigation: the BFF answers with a redirect to the organisation's provider. */}
          <a className="button" href={paths.ssoStart.getHref(returnTo)}>
            {ssoButtonText(session.sso.label)}
          </a>
        </p>
      ) : null}
    </main>
  );
}
