import { signInRequestSchema } from "@wc/contracts";
import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { getSession } from "../../features/session/api/get-session";
import { signIn } from "../../features/session/api/sign-in";
import { SignInPage } from "../../features/session/components/sign-in-page";
import { safeReturnTo } from "../../features/session/return-to";
import { formText, orProblem, problemFromIssues } from "../../lib/form-problem";

const returnToIn = (request: Request) => safeReturnTo(new URL(request.url).searchParams.get("returnTo"));

/** The BFF's SSO callback reports a failure as `?error=<message>`; shown as text, and never very long. */
const ssoErrorIn = (request: Request) => new URL(request.url).searchParams.get("error")?.slice(0, 300) ?? null;

/**
 * Someone already signed in is offered a link on rather than sent on: were the BFF to answer 401 on
 * the page while /api/session still shows a user, an automatic redirect here would loop forever.
 */
export async function signInLoader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request.signal);
  return { session, returnTo: returnToIn(request), ssoError: ssoErrorIn(request) };
}

export async function signInAction({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = signInRequestSchema.safeParse({ email: formText(form, "email"), password: formText(form, "password") });
  if (!parsed.success) return problemFromIssues(parsed.error.issues);
  const result = await orProblem(() => signIn(parsed.data));
  if (!result.ok) return result.problem;
  if (!result.value.user) return { message: "Signing in did not start a session. Try again.", fields: {} };
  return redirect(returnToIn(request));
}

export function SignInRoute() {
  const { session, returnTo, ssoError } = useLoaderData<typeof signInLoader>();
  const problem = useActionData<typeof signInAction>();
  return <SignInPage session={session} returnTo={returnTo} ssoError={ssoError} problem={problem} />;
}
