import { setupRequestSchema } from "@wc/contracts";
import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { paths } from "../../config/paths";
import { completeSetup } from "../../features/session/api/complete-setup";
import { getSession } from "../../features/session/api/get-session";
import { SetupPage } from "../../features/session/components/setup-page";
import { formText, orProblem, problemFromIssues } from "../../lib/form-problem";

export async function setupLoader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request.signal);
  if (session.user) return redirect(paths.connectors.getHref());
  return { session };
}

export async function setupAction({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const body = { token: formText(form, "token"), name: formText(form, "name"), email: formText(form, "email"), password: formText(form, "password") };
  const parsed = setupRequestSchema.safeParse(body);
  if (!parsed.success) {
    const problem = problemFromIssues(parsed.error.issues);
    // There is no token field to put its message by: it goes in the alert.
    return { ...problem, message: problem.fields.token ?? null };
  }
  const result = await orProblem(() => completeSetup(parsed.data));
  if (!result.ok) return result.problem;
  return redirect(paths.connectors.getHref());
}

export function SetupRoute() {
  const { session } = useLoaderData<typeof setupLoader>();
  const problem = useActionData<typeof setupAction>();
  return <SetupPage session={session} problem={problem} />;
}
