import { STATUS_LABELS } from "@wc/contracts";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ProblemMessage } from "../../components/ui/problem-message";
import { deleteConnector } from "../../features/connectors/api/delete-connector";
import { getConnectors } from "../../features/connectors/api/get-connectors";
import { ConnectAppChooser } from "../../features/connectors/components/connect-app-chooser";
import { ConnectorsTable } from "../../features/connectors/components/connectors-table";
import { StatusFilter, useStatusFilter } from "../../features/connectors/components/status-filter";
import { ApiError } from "../../lib/api-client";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

export function connectorsLoader({ request }: LoaderFunctionArgs) {
  return getConnectors(request.signal);
}

/** Discarding an unfinished setup from the list. */
export async function connectorsAction({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = form.get("id");
  if (form.get("intent") !== "discard" || typeof id !== "string") throw new Error("The connectors list only knows the discard action.");
  try {
    await deleteConnector(id);
    return { error: null };
  } catch (error) {
    if (error instanceof ApiError) return { error: { message: error.message, requestId: error.requestId } };
    throw error;
  }
}

export function ConnectorsRoute() {
  const { connectors } = useLoaderData<typeof connectorsLoader>();
  const result = useActionData<typeof connectorsAction>();
  const { canEdit } = useRootData();
  const status = useStatusFilter();
  const shown = status === null ? connectors : connectors.filter((c) => c.status === status);
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"App Connectors"} />
      <div className="page-header">
        <h1>App Connectors</h1>
        {canEdit ? <ConnectAppChooser /> : null}
      </div>
      {result?.error ? <ProblemMessage message={result.error.message} requestId={result.error.requestId} /> : null}
      {connectors.length > 0 ? <StatusFilter /> : null}
      {status !== null && shown.length === 0 ? (
        <p>No connectors have the status {STATUS_LABELS[status]}. Choose All in Filter by status to see every connector.</p>
      ) : (
        <ConnectorsTable connectors={shown} canEdit={canEdit} />
      )}
    </main>
  );
}
