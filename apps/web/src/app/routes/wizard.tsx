import type { Connector } from "@wc/contracts";
import { Link, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ADMIN_ONLY_MESSAGES, AdminOnly } from "../../components/ui/admin-only";
import { paths } from "../../config/paths";
import { ConnectStep } from "../../features/consent/components/connect-step";
import { deleteConnector } from "../../features/connectors/api/delete-connector";
import { getConnector } from "../../features/connectors/api/get-connector";
import { RunChecksButton } from "../../features/health/components/run-checks-button";
import { VerifyConnection } from "../../features/health/components/verify-connection";
import { useCheckRun } from "../../features/health/use-check-run";
import { saveDetails } from "../../features/wizard/api/save-details";
import { updateWizardProgress } from "../../features/wizard/api/update-wizard-progress";
import { WizardPage } from "../../features/wizard/components/wizard-page";
import { readWizardIntent, toActionError, type WizardIntent } from "../../features/wizard/intents";
import { isVisited, resolveStep } from "../../features/wizard/steps";
import { forgetUnsavedDetails } from "../../features/wizard/store";
import { ApiError } from "../../lib/api-client";
import { requireId } from "./params";
import { useRootData } from "./root";

export async function wizardLoader({ params, request }: LoaderFunctionArgs) {
  const { connector } = await getConnector(requireId(params), request.signal);
  return { connector };
}

async function perform(id: string, intent: WizardIntent): Promise<Response> {
  switch (intent.intent) {
    case "progress":
      await updateWizardProgress(id, intent.progress);
      return redirect(paths.wizard.getHref(id, intent.next));
    case "details": {
      const { connector } = await saveDetails(id, intent.details);
      forgetUnsavedDetails();
      if (!isVisited("connect", connector)) await updateWizardProgress(id, { wizardStep: "connect" });
      return redirect(paths.wizard.getHref(id, "connect"));
    }
    case "discard":
      await deleteConnector(id);
      return redirect(paths.connectors.getHref());
    case "create":
      throw new Error("The draft already exists; create is only sent from /connectors/new.");
  }
}

/** Each step's Next (and Discard draft) lands here: save, then move on; on failure stay and say why. */
export async function wizardAction({ params, request }: ActionFunctionArgs) {
  const intent = await readWizardIntent(request);
  try {
    return await perform(requireId(params), intent);
  } catch (error) {
    if (error instanceof ApiError) return { error: toActionError(error) };
    throw error;
  }
}

export function WizardRoute() {
  const { connector } = useLoaderData<typeof wizardLoader>();
  const result = useActionData<typeof wizardAction>();
  const { allow, canEdit } = useRootData();
  const [search] = useSearchParams();
  if (!canEdit) {
    return (
      <AdminOnly message={ADMIN_ONLY_MESSAGES.connectors}>
        <p>
          Your role can read connectors but not set them up. <Link to={paths.connector.getHref(connector.id)}>Go to the connector page</Link>.
        </p>
      </AdminOnly>
    );
  }
  const step = resolveStep(connector, search.get("step"));
  return (
    <main id="main" tabIndex={-1} className="page">
      <WizardPage
        connector={connector}
        step={step}
        allow={allow}
        error={result && "error" in result ? result.error : undefined}
        connect={<ConnectWithChecks connector={connector} />}
        verify={<VerifyConnection connector={connector} />}
      />
    </main>
  );
}

/** The connect step with Run checks now for a consent that left the connector needing action (the fix is usually in Workday). */
function ConnectWithChecks({ connector }: { connector: Connector }) {
  const checkRun = useCheckRun(connector.id, { revalidate: true });
  return <ConnectStep connector={connector} runChecks={<RunChecksButton control={checkRun} />} />;
}
