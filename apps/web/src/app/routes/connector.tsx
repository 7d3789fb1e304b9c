import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ProblemMessage } from "../../components/ui/problem-message";
import { paths } from "../../config/paths";
import { SyncSection } from "../../features/activity/components/sync-section";
import { loadSyncStatus } from "../../features/activity/load-sync";
import { isSyncIntent, submitSyncForm } from "../../features/activity/sync-forms";
import { Reconnect } from "../../features/consent/components/reconnect";
import { useConsentFlow } from "../../features/consent/use-consent-flow";
import { deleteConnector } from "../../features/connectors/api/delete-connector";
import { disconnectConnector } from "../../features/connectors/api/disconnect-connector";
import { getConnector } from "../../features/connectors/api/get-connector";
import { DiagnosticsDownload } from "../../features/connectors/components/diagnostics-download";
import { ConnectorHeader } from "../../features/connectors/components/connector-header";
import { RedirectSelfTest } from "../../features/connectors/components/redirect-self-test";
import { ConnectorDetails } from "../../features/connectors/components/connector-details";
import { ConnectorStatus } from "../../features/connectors/components/connector-status";
import { ConnectorTimeline } from "../../features/connectors/components/connector-timeline";
import { DisconnectedNotice } from "../../features/connectors/components/disconnect-form";
import { hasTokens, isDraft } from "../../features/connectors/status-groups";
import { ChecksTable } from "../../features/health/components/checks-table";
import { RunChecksButton } from "../../features/health/components/run-checks-button";
import { useCheckRun } from "../../features/health/use-check-run";
import { ApiError } from "../../lib/api-client";
import { requireId } from "./params";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

/** The connector and its activity sync; the sync section re-runs this every 2 s while a sync is running. */
export async function connectorLoader({ params, request }: LoaderFunctionArgs) {
  const id = requireId(params);
  const [detail, sync] = await Promise.all([getConnector(id, request.signal), loadSyncStatus(id, request.signal)]);
  return { ...detail, sync };
}

async function perform(id: string, intent: FormDataEntryValue | null) {
  switch (intent) {
    case "delete":
      await deleteConnector(id);
      return redirect(paths.connectors.getHref());
    case "disconnect":
      await disconnectConnector(id);
      return { error: null, disconnected: true };
    default:
      throw new Error("The connector page only knows the delete and disconnect actions.");
  }
}

export async function connectorAction({ params, request }: ActionFunctionArgs) {
  const id = requireId(params);
  const form = await request.formData();
  const intent = form.get("intent");
  // The sync forms post with fetchers and show their own result (SyncFormResult).
  if (isSyncIntent(intent)) return submitSyncForm(id, intent, form);
  try {
    return await perform(id, intent);
  } catch (error) {
    if (error instanceof ApiError) return { error: { message: error.message, requestId: error.requestId }, disconnected: false };
    throw error;
  }
}

/** One connector's health: a sticky header with its status and actions, every reason with its fix, live checks, its activity sync, its details and history. */
export function ConnectorRoute() {
  const { connector, timeline, sync } = useLoaderData<typeof connectorLoader>();
  const actionData = useActionData<typeof connectorAction>();
  const result = actionData && "disconnected" in actionData ? actionData : undefined;
  const { canEdit } = useRootData();
  const checkRun = useCheckRun(connector.id, { revalidate: true });
  const consent = useConsentFlow(connector.id, connector.lastConsent?.at ?? null);
  const busy = checkRun.running || consent.phase.kind === "waiting" || consent.phase.kind === "checking";
  const header = canEdit
    ? { runChecks: hasTokens(connector) ? <RunChecksButton control={checkRun} /> : null, reconnect: isDraft(connector) ? null : <Reconnect flow={consent} /> }
    : null;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={connector.name} />
      <ConnectorHeader connector={connector} actions={header} />
      {result?.error ? <ProblemMessage message={result.error.message} requestId={result.error.requestId} /> : null}
      {result?.disconnected && connector.status === "disconnected" ? <DisconnectedNotice /> : null}
      <ConnectorStatus connector={connector} actions={canEdit ? { runChecks: checkRun.start, reconnect: consent.connect, busy } : null} />
      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">Checks</h2>
        <ChecksTable checks={checkRun.run.kind === "running" ? checkRun.run.checks : connector.lastChecks} running={checkRun.running} />
      </section>
      <SyncSection connectorId={connector.id} load={sync} canEdit={canEdit} />
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ConnectorDetails connector={connector} />
        {canEdit ? <RedirectSelfTest connector={connector} /> : null}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ConnectorTimeline entries={timeline} />
      </section>
      <DiagnosticsDownload connector={connector} />
    </main>
  );
}
