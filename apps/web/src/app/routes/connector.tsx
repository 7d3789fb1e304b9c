import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ProblemMessage } from "../../components/ui/problem-message";
import { paths } from "../../config/paths";
import { deleteConnector } from "../../features/connectors/api/delete-connector";
import { getConnector } from "../../features/connectors/api/get-connector";
import { ConnectorDetails } from "../../features/connectors/components/connector-details";
import { ConnectorOverview } from "../../features/connectors/components/connector-overview";
import { ConnectorTimeline } from "../../features/connectors/components/connector-timeline";
import { ApiError } from "../../lib/api-client";
import { requireId } from "./params";
import { useRootData } from "./root";

export function connectorLoader({ params, request }: LoaderFunctionArgs) {
  return getConnector(requireId(params), request.signal);
}

export async function connectorAction({ params, request }: ActionFunctionArgs) {
  const id = requireId(params);
  const form = await request.formData();
  if (form.get("intent") !== "delete") throw new Error("The connector page only knows the delete action.");
  try {
    await deleteConnector(id);
  } catch (error) {
    if (error instanceof ApiError) return { error: { message: error.message, requestId: error.requestId } };
    throw error;
  }
  return redirect(paths.connectors.getHref());
}

export function ConnectorRoute() {
  const { connector, timeline } = useLoaderData<typeof connectorLoader>();
  const result = useActionData<typeof connectorAction>();
  const { canEdit } = useRootData();
  return (
    <main className="page">
      <h1>{connector.name}</h1>
      {result?.error ? <ProblemMessage message={result.error.message} requestId={result.error.requestId} /> : null}
      <ConnectorOverview connector={connector} canEdit={canEdit} />
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ConnectorDetails connector={connector} />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ConnectorTimeline entries={timeline} />
      </section>
    </main>
  );
}
