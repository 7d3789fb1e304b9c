import { normaliseConnectorName } from "@wc/workday";
import { Link, redirect, useActionData, type ActionFunctionArgs } from "react-router";
import { ADMIN_ONLY_MESSAGES, AdminOnly } from "../../components/ui/admin-only";
import { paths } from "../../config/paths";
import { createConnector } from "../../features/wizard/api/create-connector";
import { updateWizardProgress } from "../../features/wizard/api/update-wizard-progress";
import { NewConnectorPage } from "../../features/wizard/components/wizard-page";
import { readWizardIntent, toActionError } from "../../features/wizard/intents";
import { isVisited } from "../../features/wizard/steps";
import { ApiError } from "../../lib/api-client";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

async function create(rawName: string, workdayAddress: string | null) {
  const name = normaliseConnectorName(rawName);
  if (!name.ok) return { error: { message: name.error, fields: { name: name.error } } };
  const { connector } = await createConnector({ name: name.name, workdayAddress });
  if (!isVisited("prerequisites", connector)) await updateWizardProgress(connector.id, { wizardStep: "prerequisites" });
  return redirect(paths.wizard.getHref(connector.id, "prerequisites"));
}

/** Step 1: check the name as the server will, then create the draft (a taken name comes back as 409). */
export async function newConnectorAction({ request }: ActionFunctionArgs) {
  const intent = await readWizardIntent(request);
  if (intent.intent !== "create") throw new Error("Only a create intent can be sent before the draft exists.");
  try {
    return await create(intent.name, intent.workdayAddress ?? null);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fieldMessage = error.fields.name ?? (error.code === "conflict" ? error.message : undefined);
    const base = toActionError(error);
    return { error: fieldMessage ? { ...base, fields: { ...base.fields, name: fieldMessage } } : base };
  }
}

export function NewConnectorRoute() {
  const result = useActionData<typeof newConnectorAction>();
  const { canEdit, allow } = useRootData();
  if (!canEdit) {
    return (
      <AdminOnly message={ADMIN_ONLY_MESSAGES.connectors}>
        <p>
          <Link to={paths.connectors.getHref()}>Back to App Connectors</Link>
        </p>
      </AdminOnly>
    );
  }
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"Connect an app"} />
      <NewConnectorPage error={result?.error} allow={allow} />
    </main>
  );
}
